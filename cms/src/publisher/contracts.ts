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
