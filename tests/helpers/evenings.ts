import { CONTENT_TYPES } from '@clermontech/config';
import type { RunningCms } from './cms.ts';
import type { RunningPublisher } from './publisher.ts';
import { createDraft } from './content.ts';

export const EVENT_UID = CONTENT_TYPES.events.uid;
export const TALK_UID = CONTENT_TYPES.talks.uid;
export const SPEAKER_UID = CONTENT_TYPES.speakers.uid;

export interface EveningPlan {
  title: string;
  slug: string;
  talks: { title: string; slug: string; speakers: { name: string; slug: string }[] | string[] }[];
}

export interface CreatedEvening {
  event: string;
  talks: string[];
  speakers: string[];
}

const connect = (documentIds: string[]) => ({ connect: documentIds.map((documentId) => ({ documentId })) });

/**
 * Creates an evening as drafts through the content manager, as a volunteer saving forms does: its
 * speakers (new ones, or existing documentIds), its talks linked to them, then the event linked to its talks.
 */
export async function createEveningDrafts(cms: RunningCms, token: string, plan: EveningPlan): Promise<CreatedEvening> {
  const speakers: string[] = [];
  const talks: string[] = [];
  for (const [position, talk] of plan.talks.entries()) {
    const speakerIds: string[] = [];
    for (const speaker of talk.speakers) {
      const documentId =
        typeof speaker === 'string' ? speaker : (await createDraft(cms.url, token, SPEAKER_UID, speaker)).documentId;
      speakerIds.push(documentId);
      if (!speakers.includes(documentId)) speakers.push(documentId);
    }
    const created = await createDraft(cms.url, token, TALK_UID, {
      title: talk.title,
      slug: talk.slug,
      duration: 20,
      position: position + 1,
      speakers: connect(speakerIds),
    });
    talks.push(created.documentId);
  }
  const event = await createDraft(cms.url, token, EVENT_UID, {
    title: plan.title,
    slug: plan.slug,
    kind: 'api-hour',
    startsAt: '2027-03-18T18:30:00.000Z',
    talks: connect(talks),
  });
  return { event: event.documentId, talks, speakers };
}

/** POST /evenings/:documentId/<action> as this admin user; the response status and JSON body. */
export async function eveningAction(
  cms: RunningCms,
  token: string,
  documentId: string,
  action: 'publish' | 'unpublish',
) {
  const response = await cms.fetch(`/evenings/${documentId}/${action}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: '{}',
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      message?: string;
      counts?: Record<string, number>;
      error?: { message: string; details: { missing?: string[] } };
    },
  };
}

/** The published event with this slug, its programme and their speakers, through the public API (undefined if not published). */
export async function publishedProgramme(
  cms: RunningCms,
  slug: string,
): Promise<{ title: string; talks: { title: string; speakers: { name: string }[] }[] } | undefined> {
  const response = await cms.fetch(
    `/api/events?filters[slug][$eq]=${encodeURIComponent(slug)}&populate[talks][populate][speakers]=true`,
  );
  if (!response.ok) throw new Error(`public events: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as {
    data: { title: string; talks: { title: string; speakers: { name: string }[] }[] }[];
  };
  return body.data[0];
}

/** Whether the public API shows a published entry of this collection with this slug. */
export async function isPublic(cms: RunningCms, path: string, slug: string): Promise<boolean> {
  const response = await cms.fetch(`/api/${path}?filters[slug][$eq]=${encodeURIComponent(slug)}`);
  return ((await response.json()) as { data: unknown[] }).data.length > 0;
}

/**
 * Builds the publisher started for content since `mark` (a length of its log). A release built only
 * to refresh the preview's server, because the site's code changed meanwhile, is not one.
 */
export function contentBuildsSince(publisher: RunningPublisher, mark: number): number {
  return publisher
    .output()
    .slice(mark)
    .split('\n')
    .filter((line) => line.includes('publisher: building release') && !line.includes('preview’s server')).length;
}

/** POST /evenings/plan ("Programmer une soirée") as this admin user; the response status and JSON body. */
export async function planEvening(cms: RunningCms, token: string, plan: unknown) {
  const response = await cms.fetch('/evenings/plan', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(plan),
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      documentId?: string;
      message?: string;
      error?: { message: string; details: { problems?: string[] } };
    },
  };
}

/** The drafts of a collection whose `field` equals `value`, through the content manager (any number). */
export async function draftsWhere(
  cms: RunningCms,
  token: string,
  uid: string,
  field: string,
  value: string,
): Promise<Record<string, unknown>[]> {
  const response = await cms.fetch(
    `/content-manager/collection-types/${uid}?filters[${field}][$eq]=${encodeURIComponent(value)}&pageSize=100`,
    { headers: { authorization: `Bearer ${token}` } },
  );
  if (!response.ok) throw new Error(`drafts of ${uid}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { results: Record<string, unknown>[] }).results;
}
