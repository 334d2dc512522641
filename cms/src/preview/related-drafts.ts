import type { Core, UID } from '@strapi/strapi';
import { withDraftAccess } from '../security/draft-access';
import { PREVIEW_TYPES, type PreviewType, type RelatedDrafts } from './contracts';

type Entry = Record<string, unknown> & { documentId: string };

const idsOf = (entries: Entry[], field: string) =>
  [...new Set(entries.flatMap((entry) => ((entry[field] as { documentId: string }[] | undefined) ?? []).map((target) => target.documentId)))];

/** Drafts of one type, populated as the site's page reads them and sanitized as the public API would. */
async function draftsOf(strapi: Core.Strapi, type: PreviewType, filters: Record<string, unknown>): Promise<Entry[]> {
  const { uid, populate } = PREVIEW_TYPES[type];
  const model = strapi.getModel(uid as UID.ContentType);
  // Called only once the preview token was verified (api/preview's controller).
  const drafts = (await withDraftAccess(() => strapi.documents(uid as UID.ContentType).findMany({ status: 'draft', filters, populate } as never))) as Entry[];
  return Promise.all(drafts.map(async (draft) => (await strapi.contentAPI.sanitize.output(draft, model, {})) as Entry));
}

/**
 * What a preview shows besides the document itself, in draft, so the whole evening can be checked
 * before "Publier la soirée": an event's talks and their speakers, a talk's speakers. Other types need none.
 */
export async function findRelatedDrafts(strapi: Core.Strapi, type: PreviewType, draft: Entry): Promise<RelatedDrafts> {
  switch (type) {
    case 'events': {
      const talks = await draftsOf(strapi, 'talks', { event: { documentId: draft.documentId } });
      const speakers = await draftsOf(strapi, 'speakers', { documentId: { $in: idsOf(talks, 'speakers') } });
      return { talks, speakers };
    }
    case 'talks':
      return { speakers: await draftsOf(strapi, 'speakers', { documentId: { $in: idsOf([draft], 'speakers') } }) };
    case 'speakers':
    case 'posts':
    case 'pages':
    case 'groups':
      return {};
  }
}
