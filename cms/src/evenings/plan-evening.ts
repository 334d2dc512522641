import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { EVENT, SPEAKER, TALK } from './evening';
import { fieldLabel, startsAtOf } from './plan-validation';
import type { EveningPlanInput, PlanChoices } from './planner-contracts';

export const VENUE: UID.ContentType = 'api::venue.venue';
const FILE = 'plugin::upload.file';

/** The plan could not be created; `problems` says why, in French, one field each. Nothing was kept. */
export class PlanRefused extends Error {
  constructor(readonly problems: string[]) {
    super(
      `La soirée n’a pas été créée : ${problems.length === 1 ? 'un champ est à corriger' : `${problems.length} champs sont à corriger`}.`,
    );
  }
}

/** The documents a plan refers to that already exist, by kind. */
export function existingOf(plan: EveningPlanInput): { speakers: string[]; venues: string[] } {
  const speakers = plan.talks.flatMap((talk) => (talk.speaker?.documentId ? [talk.speaker.documentId] : []));
  const venue = plan.event.venue?.documentId;
  return { speakers: [...new Set(speakers)], venues: venue ? [venue] : [] };
}

/** The media library files given as new speakers' photos. */
const photosOf = (plan: EveningPlanInput) =>
  plan.talks.flatMap((talk) =>
    talk.speaker && talk.speaker.documentId === undefined && talk.speaker.photo !== undefined
      ? [talk.speaker.photo]
      : [],
  );

const TYPE_NAMES: Record<string, string> = {
  [EVENT]: 'La soirée',
  [VENUE]: 'Le lieu',
  [SPEAKER]: 'Le speaker',
  [TALK]: 'Le talk',
};

/** Strapi's (English) validation message for a field, as one French sentence naming it. */
function frenchProblem(uid: UID.ContentType, where: string, error: { path: string[]; message: string }): string {
  const field = fieldLabel(uid, error.path[0] ?? '');
  const longest = /at most (\d+) characters/.exec(error.message);
  if (longest) return `${where} : ${field} est trop long (${longest[1]} caractères au plus).`;
  if (/must be defined|required/.test(error.message)) return `${where} : ${field} est à remplir.`;
  return `${where} : ${field} n’est pas accepté.`;
}

/** Runs one creation, turning Strapi's validation error into the plan's French refusal. */
async function creating<T>(uid: UID.ContentType, where: string, create: () => Promise<T>): Promise<T> {
  try {
    return await create();
  } catch (error) {
    if (error instanceof errors.ValidationError) {
      const details = (error.details as { errors?: { path: string[]; message: string }[] } | undefined)?.errors ?? [];
      throw new PlanRefused(
        details.length > 0
          ? details.map((detail) => frenchProblem(uid, where, detail))
          : [`${where} : ${error.message}`],
      );
    }
    throw error;
  }
}

/** Photos that exist; the others are named as problems. */
async function missingPhotos(strapi: Core.Strapi, plan: EveningPlanInput): Promise<string[]> {
  const photos = photosOf(plan);
  if (photos.length === 0) return [];
  const found = new Set(
    (
      (await strapi.db.query(FILE).findMany({ where: { id: { $in: photos } }, select: ['id'] })) as { id: number }[]
    ).map((file) => file.id),
  );
  return plan.talks.flatMap((talk, index) =>
    talk.speaker &&
    talk.speaker.documentId === undefined &&
    talk.speaker.photo !== undefined &&
    !found.has(talk.speaker.photo)
      ? [
          `Le talk n° ${index + 1} : ${fieldLabel(SPEAKER, 'photo')} du speaker est introuvable ; choisissez-la à nouveau.`,
        ]
      : [],
  );
}

/** Those of `documentIds` that are stored (the others were deleted since the page listed them). */
export async function storedAmong(strapi: Core.Strapi, uid: UID.ContentType, documentIds: string[]): Promise<string[]> {
  if (documentIds.length === 0) return [];
  const stored = (await strapi.db
    .query(uid)
    .findMany({ where: { documentId: { $in: documentIds } }, select: ['documentId'] })) as { documentId: string }[];
  return [...new Set(stored.map((entry) => entry.documentId))];
}

/** Existing documents the plan names that are gone meanwhile. */
async function missingDocuments(strapi: Core.Strapi, plan: EveningPlanInput): Promise<string[]> {
  const existing = existingOf(plan);
  const speakers = new Set(await storedAmong(strapi, SPEAKER, existing.speakers));
  const venues = new Set(await storedAmong(strapi, VENUE, existing.venues));
  const problems: string[] = [];
  const venue = plan.event.venue?.documentId;
  if (venue && !venues.has(venue)) problems.push(`La soirée : ${fieldLabel(EVENT, 'venue')} choisi n’existe plus.`);
  plan.talks.forEach((talk, index) => {
    const speaker = talk.speaker?.documentId;
    if (speaker && !speakers.has(speaker)) problems.push(`Le talk n° ${index + 1} : le speaker choisi n’existe plus.`);
  });
  return problems;
}

/**
 * Removes the photos uploaded for this plan (by this admin user, linked to nothing) once its
 * creation failed: the page uploads them just before sending the plan, and a refused plan keeps nothing.
 */
async function removeUnusedPhotos(strapi: Core.Strapi, plan: EveningPlanInput, userId: number): Promise<void> {
  const photos = photosOf(plan);
  if (photos.length === 0) return;
  const files = (await strapi.db
    .query(FILE)
    .findMany({ where: { id: { $in: photos } }, populate: { createdBy: { select: ['id'] }, related: true } })) as {
    id: number;
    createdBy?: { id: number } | null;
    related?: unknown[];
  }[];
  const upload = strapi.plugin('upload').service<{ remove(file: object): Promise<unknown> }>('upload');
  for (const file of files)
    if (file.createdBy?.id === userId && (file.related ?? []).length === 0) await upload.remove(file);
}

/**
 * Creates the evening as drafts, all linked: a new venue and new speakers if any, the event, then
 * its talks in order, each with its speaker and the event. One database transaction: if any
 * creation fails, none is kept (and the photos uploaded for it are removed). Strapi sends no
 * webhook for drafts, so the site does not rebuild.
 */
export async function planEvening(strapi: Core.Strapi, plan: EveningPlanInput, userId: number): Promise<string> {
  const problems = [...(await missingDocuments(strapi, plan)), ...(await missingPhotos(strapi, plan))];
  if (problems.length > 0) throw new PlanRefused(problems);
  const creator = { createdBy: userId, updatedBy: userId };
  try {
    return await strapi.db.transaction(async () => {
      const create = (uid: UID.ContentType, where: string, data: Record<string, unknown>) =>
        creating(uid, where, () => strapi.documents(uid).create({ data: { ...data, ...creator } }));
      const { event: facts, talks } = plan;
      const venue =
        facts.venue?.documentId ??
        (facts.venue
          ? (await create(VENUE, TYPE_NAMES[VENUE]!, { name: facts.venue.name, address: facts.venue.address ?? null }))
              .documentId
          : undefined);
      const event = await create(EVENT, TYPE_NAMES[EVENT]!, {
        title: facts.title,
        kind: facts.kind,
        number: facts.number ?? null,
        startsAt: startsAtOf(facts.date, facts.time)!.toISOString(),
        summary: facts.summary ?? null,
        registrationMode: facts.registrationMode ?? null,
        registrationUrl: facts.registrationUrl ?? null,
        capacity: facts.capacity ?? null,
        ...(venue ? { venue: { connect: [{ documentId: venue }] } } : {}),
      });
      // A speaker typed twice (two talks by one new person) is created once.
      const newSpeakers = new Map<string, string>();
      for (const [index, talk] of talks.entries()) {
        const where = `Le talk n° ${index + 1}`;
        const chosen = talk.speaker;
        let speaker: string | undefined;
        if (chosen?.documentId !== undefined) speaker = chosen.documentId;
        else if (chosen) {
          const key = chosen.name.toLocaleLowerCase('fr');
          speaker =
            newSpeakers.get(key) ??
            (await create(SPEAKER, `${where}, son speaker`, { name: chosen.name, photo: chosen.photo ?? null }))
              .documentId;
          newSpeakers.set(key, speaker);
        }
        await create(TALK, where, {
          title: talk.title,
          abstract: talk.abstract ?? null,
          duration: talk.duration ?? null,
          slidesUrl: talk.slidesUrl ?? null,
          position: index + 1,
          event: { connect: [{ documentId: event.documentId }] },
          ...(speaker ? { speakers: { connect: [{ documentId: speaker }] } } : {}),
        });
      }
      return event.documentId;
    });
  } catch (error) {
    await removeUnusedPhotos(strapi, plan, userId);
    throw error;
  }
}

/** Speakers and venues by name, for the page's "existing or new" fields. */
export async function planChoices(strapi: Core.Strapi): Promise<PlanChoices> {
  const speakers = (await strapi
    .documents(SPEAKER)
    .findMany({ status: 'draft', fields: ['name'], sort: 'name:asc' })) as unknown as {
    documentId: string;
    name: string;
  }[];
  const venues = (await strapi
    .documents(VENUE)
    .findMany({ status: 'draft', fields: ['name', 'address'], sort: 'name:asc' })) as unknown as {
    documentId: string;
    name: string;
    address: string | null;
  }[];
  return {
    speakers: speakers.map(({ documentId, name }) => ({ documentId, name })),
    venues: venues.map(({ documentId, name, address }) => ({ documentId, name, address: address ?? null })),
  };
}
