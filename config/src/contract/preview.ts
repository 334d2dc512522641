import type { PreviewableContentType } from './content-types.js';

/**
 * Seeing a draft on the site: the CMS signs a link to the site's draft page, whose server asks the CMS
 * for the draft with that token (cms/src/draft-links/ signs the link, cms/src/api/draft/ serves the draft, site/src/lib/preview/draft.ts reads it).
 */

/** The site's draft pages, rendered on demand by the release's server code instead of served from its files. */
export const DRAFT_PAGE_PREFIX = '/_preview/';

/** The site's page showing a draft; the link the admin opens adds `?token=…`. */
export function draftPagePath(type: PreviewableContentType, documentId: string): string {
  return `${DRAFT_PAGE_PREFIX}${type}/${encodeURIComponent(documentId)}`;
}

/** The CMS's content API route serving one draft to the site, `?token=…` being the only credential. */
export const DRAFT_ROUTE = '/preview/:type/:documentId';

/** The same route as a path on the CMS, relative to its /api prefix (as the site's client takes it). */
export function draftApiPath(type: PreviewableContentType, documentId: string): string {
  return `preview/${type}/${encodeURIComponent(documentId)}`;
}

export type DraftEntry = Record<string, unknown> & { documentId: string };

/** Drafts shown with the previewed one, by type (an event's talks and their speakers, a talk's speakers). */
export type RelatedDrafts = Partial<Record<PreviewableContentType, DraftEntry[]>>;

/** What the draft route answers: the draft as the REST API shapes entries, and the drafts its page shows with it. */
export interface DraftResponse {
  data: DraftEntry;
  related: RelatedDrafts;
}
