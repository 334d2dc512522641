import type { Core, UID } from '@strapi/strapi';
import { adminViews } from '../bootstrap/admin-views.data';
import { missingForPublication, type Draft, type EveningDraft, type RequiredFields } from './completeness';
import type { EveningCounts } from './contracts';

export const EVENT: UID.ContentType = 'api::event.event';
export const TALK: UID.ContentType = 'api::talk.talk';
export const SPEAKER: UID.ContentType = 'api::speaker.speaker';
export const VENUE: UID.ContentType = 'api::venue.venue';

/** The evening's event has no draft: nothing to publish. */
export class EveningNotFound extends Error {}

/** Something the public page needs is missing; `missing` says what, in French. */
export class EveningIncomplete extends Error {
  constructor(readonly missing: string[]) {
    super(
      `La soirée n’a pas été publiée : ${missing.length === 1 ? 'il manque une chose' : `il manque ${missing.length} choses`}.`,
    );
  }
}

/** The evening's documents, by kind: what one "Publier la soirée" changes. */
export interface EveningDocuments {
  event: string;
  talks: string[];
  speakers: string[];
  /** The event's venue, when it has one. */
  venues: string[];
}

/** The schema's required fields, labelled as the admin labels them (bootstrap/admin-views.data.ts). */
function requiredFields(strapi: Core.Strapi, uid: UID.ContentType): Record<string, string> {
  const labels = adminViews[uid]?.fields ?? {};
  return Object.fromEntries(
    Object.entries(strapi.contentType(uid).attributes)
      .filter(([, attribute]) => (attribute as { required?: boolean }).required === true)
      .map(([field]) => [field, labels[field]?.label ?? field]),
  );
}

const byPosition = (a: Draft, b: Draft) =>
  Number(a.position ?? Number.MAX_SAFE_INTEGER) - Number(b.position ?? Number.MAX_SAFE_INTEGER);

/** The event's draft with its programme's drafts (talks by position) and their speakers' drafts. */
export async function loadEvening(strapi: Core.Strapi, documentId: string): Promise<EveningDraft> {
  const event = (await strapi.documents(EVENT).findOne({
    documentId,
    status: 'draft',
    populate: { talks: { populate: { speakers: true } }, venue: { fields: ['documentId'] } },
  } as never)) as (Draft & { talks?: (Draft & { speakers?: Draft[] })[] }) | null;
  if (!event) throw new EveningNotFound(`no event ${documentId}`);
  const talks = [...(event.talks ?? [])].sort(byPosition).map((talk) => ({ ...talk, speakers: talk.speakers ?? [] }));
  return { event, talks };
}

export function documentsOf({ event, talks }: EveningDraft): EveningDocuments {
  return {
    event: event.documentId,
    talks: talks.map((talk) => talk.documentId),
    speakers: [...new Set(talks.flatMap((talk) => talk.speakers.map((speaker) => speaker.documentId)))],
    venues:
      typeof (event.venue as Draft | null | undefined)?.documentId === 'string'
        ? [(event.venue as Draft).documentId]
        : [],
  };
}

/** The evening's venue when it was never published: created with the evening, it goes online with it; one already online keeps its published version. */
export async function venuesToPublish(strapi: Core.Strapi, documents: EveningDocuments): Promise<string[]> {
  const unpublished: string[] = [];
  for (const documentId of documents.venues)
    if ((await strapi.db.query(VENUE).count({ where: { documentId, publishedAt: { $notNull: true } } })) === 0)
      unpublished.push(documentId);
  return unpublished;
}

/**
 * Publishes the evening's new venue, speakers, talks and event in one database transaction, after checking
 * nothing the public page needs is missing (then nothing is published). Strapi sends its webhooks
 * once the transaction commits, so the site's first build already sees the whole evening.
 */
export async function publishEvening(strapi: Core.Strapi, evening: EveningDraft): Promise<EveningCounts> {
  const required: RequiredFields = {
    event: requiredFields(strapi, EVENT),
    talk: requiredFields(strapi, TALK),
    speaker: requiredFields(strapi, SPEAKER),
  };
  const missing = missingForPublication(evening, required);
  if (missing.length > 0) throw new EveningIncomplete(missing);
  const documents = documentsOf(evening);
  const newVenues = await venuesToPublish(strapi, documents);
  await strapi.db.transaction(async () => {
    // Dependencies first: should the database refuse one, the transaction is rolled back anyway.
    for (const documentId of newVenues) await strapi.documents(VENUE).publish({ documentId });
    for (const documentId of documents.speakers) await strapi.documents(SPEAKER).publish({ documentId });
    for (const documentId of documents.talks) await strapi.documents(TALK).publish({ documentId });
    await strapi.documents(EVENT).publish({ documentId: documents.event });
  });
  return {
    events: 1,
    talks: documents.talks.length,
    speakers: documents.speakers.length,
    ...(newVenues.length > 0 ? { venues: newVenues.length } : {}),
  };
}

/** The evening's speakers who have no published talk in another event: their page would list nothing. */
async function speakersOnlyHere(strapi: Core.Strapi, documents: EveningDocuments): Promise<string[]> {
  const elsewhere = await strapi.documents(TALK).findMany({
    status: 'published',
    filters: { speakers: { documentId: { $in: documents.speakers } }, documentId: { $notIn: documents.talks } },
    populate: { speakers: { fields: ['documentId'] } },
  } as never);
  const busy = new Set(
    (elsewhere as (Draft & { speakers?: Draft[] })[]).flatMap((talk) =>
      (talk.speakers ?? []).map((speaker) => speaker.documentId),
    ),
  );
  return documents.speakers.filter((documentId) => !busy.has(documentId));
}

/**
 * Takes the evening off the site in one transaction: the event, its talks, and the speakers who
 * speak at no other published event (the others keep their page). Drafts stay, ready to publish again.
 */
export async function unpublishEvening(strapi: Core.Strapi, evening: EveningDraft): Promise<EveningCounts> {
  const documents = documentsOf(evening);
  const speakers = await speakersOnlyHere(strapi, documents);
  const counts: EveningCounts = { events: 0, talks: 0, speakers: 0 };
  await strapi.db.transaction(async () => {
    const unpublished = async (uid: UID.ContentType, documentId: string) =>
      (await strapi.documents(uid).unpublish({ documentId })).entries.length > 0 ? 1 : 0;
    counts.events += await unpublished(EVENT, documents.event);
    for (const documentId of documents.talks) counts.talks += await unpublished(TALK, documentId);
    for (const documentId of speakers) counts.speakers += await unpublished(SPEAKER, documentId);
  });
  return counts;
}
