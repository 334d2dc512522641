import type { UID } from '@strapi/strapi';

/**
 * The content types that can be previewed, by the REST name the site uses in `/_preview/<type>/<documentId>`,
 * with what the site's page reads: relations as bare documentIds, media and components in full
 * (the same populate as the site's loaders in site/src/content.config.ts).
 */
const reference = { fields: ['documentId'] };
export const PREVIEW_TYPES = {
  events: { uid: 'api::event.event', populate: { venue: reference, group: reference, sponsors: reference, cover: true } },
  talks: { uid: 'api::talk.talk', populate: { speakers: reference, event: reference, slidesFile: true } },
  speakers: { uid: 'api::speaker.speaker', populate: { photo: true, links: true } },
  posts: { uid: 'api::post.post', populate: { cover: true } },
  pages: { uid: 'api::page.page', populate: {} },
  groups: { uid: 'api::group.group', populate: { logo: true, partners: true } },
} as const satisfies Record<string, { uid: UID.ContentType; populate: Record<string, unknown> }>;

export type PreviewType = keyof typeof PREVIEW_TYPES;

export function previewTypeOf(uid: string): PreviewType | undefined {
  return (Object.keys(PREVIEW_TYPES) as PreviewType[]).find((type) => PREVIEW_TYPES[type].uid === uid);
}

export function isPreviewType(type: string): type is PreviewType {
  return Object.hasOwn(PREVIEW_TYPES, type);
}

/** Drafts shown with the previewed one, by type (an event's talks and their speakers, a talk's speakers). */
export type RelatedDrafts = Partial<Record<PreviewType, (Record<string, unknown> & { documentId: string })[]>>;

/**
 * `GET /api/preview/:type/:documentId?token=…` answers `{ data: <the draft, as the REST API shapes entries>,
 * related: <the drafts its page shows with it> }`.
 */
export interface PreviewDraftResponse {
  data: Record<string, unknown> & { documentId: string };
  related: RelatedDrafts;
}
