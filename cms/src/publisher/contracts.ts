/** What the admin's "Site public" widget receives from the CMS (which asks the publisher). */
export interface SitePublicStatus {
  reachable: boolean;
  /** When the publisher can't be reached: why, in one line. */
  error?: string;
  release?: { id: string; liveSince?: string } | null;
  building?: { since: string } | null;
  queued?: boolean;
  lastSuccess?: { at: string; durationMs: number } | null;
  lastFailure?: { at: string; durationMs: number; error?: string } | null;
}

/**
 * The admin permission behind the widget's routes ("Republier le site", Settings tab of a role):
 * Super Admin has it as it has every action, Editor is given it at boot, Author never.
 */
export const REPUBLISH_ACTION = 'api::site-public.republish';
