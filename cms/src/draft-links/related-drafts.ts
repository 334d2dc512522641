import type { Core, UID } from '@strapi/strapi';
import { withDraftAccess } from '../security/draft-access';
import { CONTENT_TYPES, type DraftEntry, type PreviewableContentType, type RelatedDrafts } from '@clermontech/config';

type Entry = DraftEntry;

const idsOf = (entries: Entry[], field: string) => [
  ...new Set(
    entries.flatMap((entry) =>
      ((entry[field] as { documentId: string }[] | undefined) ?? []).map((target) => target.documentId),
    ),
  ),
];

/** Drafts of one type, populated as the site's page reads them and sanitized as the public API would. */
async function draftsOf(
  strapi: Core.Strapi,
  type: PreviewableContentType,
  filters: Record<string, unknown>,
): Promise<Entry[]> {
  const { uid, populate } = CONTENT_TYPES[type];
  const model = strapi.getModel(uid);
  // Called only once the preview token was verified (api/draft's controller).
  const drafts = (await withDraftAccess(() =>
    strapi.documents(uid as UID.ContentType).findMany({ status: 'draft', filters, populate } as never),
  )) as Entry[];
  return Promise.all(drafts.map(async (draft) => (await strapi.contentAPI.sanitize.output(draft, model, {})) as Entry));
}

/**
 * What a preview shows besides the document itself, in draft, so the whole evening can be checked
 * before "Publier la soirée": an event's talks and their speakers, a talk's speakers. Other types need none.
 */
const RELATED: Partial<Record<PreviewableContentType, (strapi: Core.Strapi, draft: Entry) => Promise<RelatedDrafts>>> =
  {
    events: async (strapi, draft) => {
      const talks = await draftsOf(strapi, 'talks', { event: { documentId: draft.documentId } });
      const speakers = await draftsOf(strapi, 'speakers', { documentId: { $in: idsOf(talks, 'speakers') } });
      return { talks, speakers };
    },
    talks: async (strapi, draft) => ({
      speakers: await draftsOf(strapi, 'speakers', { documentId: { $in: idsOf([draft], 'speakers') } }),
    }),
  };

export async function findRelatedDrafts(
  strapi: Core.Strapi,
  type: PreviewableContentType,
  draft: Entry,
): Promise<RelatedDrafts> {
  return (await RELATED[type]?.(strapi, draft)) ?? {};
}
