/**
 * The publisher's HTTP API, as the publisher serves it (site/publisher/app.ts) and the CMS calls it
 * (its webhook, the admin's « Site public » widget), and the CMS route the publisher asks for the
 * content version.
 */

/** Everything under this prefix is the publisher's own, never a page of the site. */
export const PUBLISHER_PREFIX = '/_publisher/';

export const PUBLISHER_PATHS = {
  /** POST, bearer PUBLISHER_TOKEN: something changed in the CMS (Strapi's webhook). */
  webhook: `${PUBLISHER_PREFIX}webhook`,
  /** POST, bearer PUBLISHER_TOKEN: rebuild even if the content looks unchanged (« Republier le site »). */
  rebuild: `${PUBLISHER_PREFIX}rebuild`,
  /** GET: PublicStatus without a token, PublisherStatus with PUBLISHER_TOKEN. */
  status: `${PUBLISHER_PREFIX}status`,
  /** POST, bearer PUBLISHER_TOKEN, `{ by }`: an Editor confirms the large removal the last build was refused for. */
  confirmRemoval: `${PUBLISHER_PREFIX}confirm-removal`,
} as const;

/** The CMS's content version, a hash that moves on every change the site shows: `{ data: { version } }`. */
export const SITE_VERSION_ROUTE = '/site-version';
/** The same, as a path on the CMS (Strapi serves content API routes under /api). */
export const SITE_VERSION_PATH = `/api${SITE_VERSION_ROUTE}`;

export interface SiteVersionResponse {
  data: { version: string };
}

/** One build, as the publisher records it. */
export interface BuildOutcome {
  at: string;
  durationMs: number;
  releaseId?: string;
  /** One line; the full log is in `logFile`. */
  error?: string;
  logFile?: string;
  pages?: number;
  /** Of those, the pages the incremental build restored instead of rendering them. */
  restoredPages?: number;
  /** How long the release's search index took, written after its pages went live. */
  searchIndexMs?: number;
}

/** A build's outcome as the status endpoint shows it: where its log sits on the server stays private. */
export type ShownOutcome = Omit<BuildOutcome, 'logFile'>;

/** A build refused for removing more than half the pages, and its confirmation by an Editor (site/publisher/removal-confirmation.ts). */
export interface RemovalState {
  refused?: { at: string; pagesBefore: number; pagesAfter: number; removedPaths: string[]; removedCount: number };
  confirmed?: { at: string; by: string; pagesAfter: number };
}

/** `GET /_publisher/status` with the token. */
export interface PublisherStatus {
  release: { id: string; liveSince: string | undefined } | null;
  building: { since: string } | null;
  queued: boolean;
  lastSuccess: ShownOutcome | null;
  lastFailure: ShownOutcome | null;
  /** Builds started since the publisher started. */
  buildsStarted: number;
  /** When the publisher last compared the CMS's content with the live release. */
  lastCheckAt: string | null;
  removal?: RemovalState;
}

/** `GET /_publisher/status` without a token: whether the site is live, since when, and whether it is being rebuilt. */
export interface PublicStatus {
  live: boolean;
  liveSince: string | null;
  building: boolean;
}

/** What the admin's « Site public » widget receives from the CMS, which asks the publisher with the token. */
export interface SitePublicStatus extends Partial<PublisherStatus> {
  reachable: boolean;
  /** When the publisher can't be reached: why, in one line. */
  error?: string;
  /** The public site's address, for the widget's link. */
  siteUrl?: string;
}
