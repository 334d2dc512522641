import type { Core, UID } from '@strapi/strapi';
import * as demo from '../demo/content';
import { demoBrandFiles } from './demo-brand';

type SeedState = 'started' | 'done' | 'skipped';

const store = (strapi: Core.Strapi) => strapi.store({ type: 'core', name: 'clermontech', key: 'demo-content' });

/**
 * Seeds the demo content into an empty database, once. Each entry is looked up by slug before it is
 * created, and the "done" mark is written last, so a seed interrupted half-way completes on the next
 * boot without duplicates.
 */
export async function seedDemoContent(strapi: Core.Strapi, { now = new Date() } = {}): Promise<SeedState> {
  const state = (await store(strapi).get()) as { state?: SeedState } | null;
  if (state?.state === 'done' || state?.state === 'skipped') return state.state;
  if (!state && (await strapi.documents('api::event.event').count({})) > 0) {
    await store(strapi).set({ value: { state: 'skipped' } });
    return 'skipped';
  }
  await store(strapi).set({ value: { state: 'started' } });
  await seed(strapi, now);
  await store(strapi).set({ value: { state: 'done', at: now.toISOString() } });
  strapi.log.info('Demo content seeded');
  return 'done';
}

/**
 * An imported database is not an empty one: the demo content must not be seeded on top of it at the
 * next boot. Called by the importer, through the CMS's bulk-write entry (scripts/load-cms.mts).
 */
export async function markDemoContentSkipped(strapi: Core.Strapi): Promise<void> {
  if (!(await store(strapi).get({}))) await store(strapi).set({ value: { state: 'skipped' } });
}

/** Finds a published entry by a unique field, or creates and publishes it; returns its documentId. */
async function upsert(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  key: Record<string, unknown>,
  data: Record<string, unknown>,
): Promise<string> {
  const documents = strapi.documents(uid as 'api::event.event');
  const existing = await documents.findFirst({ filters: key as never, status: 'published' });
  if (existing) return existing.documentId;
  const created = await documents.create({ data: { ...key, ...data } as never, status: 'published' });
  return created.documentId;
}

async function seed(strapi: Core.Strapi, now: Date): Promise<void> {
  const venueIds = new Map<string, string>();
  for (const { slug, ...venue } of demo.venues)
    venueIds.set(slug, await upsert(strapi, 'api::venue.venue', { slug }, venue));

  const speakerIds = new Map<string, string>();
  for (const { slug, ...speaker } of demo.speakers)
    speakerIds.set(slug, await upsert(strapi, 'api::speaker.speaker', { slug }, speaker));

  const groupIds = new Map<string, string>();
  for (const { slug, ...group } of demo.groups)
    groupIds.set(slug, await upsert(strapi, 'api::group.group', { slug }, group));

  const sponsorIds = new Map<string, string>();
  for (const { slug, ...sponsor } of demo.sponsors)
    sponsorIds.set(slug, await upsert(strapi, 'api::sponsor.sponsor', { slug }, sponsor));

  for (const event of demo.demoEvents(now)) {
    const eventId = await upsert(
      strapi,
      'api::event.event',
      { slug: event.slug },
      {
        title: event.title,
        kind: event.kind,
        number: event.number,
        startsAt: event.startsAt.toISOString(),
        endsAt: (event.endsAt ?? new Date(event.startsAt.getTime() + event.durationHours * 3_600_000)).toISOString(),
        eventStatus: event.eventStatus ?? 'prevu',
        capacity: event.capacity,
        admission: event.admission,
        price: event.price,
        registrationUrl: event.registrationUrl,
        registrationMode: event.registrationMode,
        onlineUrl: event.onlineUrl,
        replayUrl: event.replayUrl,
        photosUrl: event.photosUrl,
        summary: event.summary,
        description: event.description,
        venue: event.venue ? venueIds.get(event.venue) : undefined,
        group: event.group ? groupIds.get(event.group) : undefined,
        sponsors: event.sponsors.map((slug) => sponsorIds.get(slug)),
      },
    );
    for (const [index, { slug, speakers, ...talk }] of event.talks.entries()) {
      await upsert(
        strapi,
        'api::talk.talk',
        { slug },
        {
          ...talk,
          position: index + 1,
          event: eventId,
          speakers: speakers.map((speaker) => speakerIds.get(speaker)),
        },
      );
    }
  }

  for (const { slug, daysAgo, ...post } of demo.posts) {
    const date = new Date(now.getTime() - daysAgo * 86_400_000).toISOString().slice(0, 10);
    await upsert(strapi, 'api::post.post', { slug }, { ...post, date });
  }
  for (const { slug, ...page } of demo.pages) await upsert(strapi, 'api::page.page', { slug }, page);
  for (const { name, ...member } of demo.members) await upsert(strapi, 'api::member.member', { name }, member);
  for (const { title, ...proposal } of demo.proposals)
    await upsert(strapi, 'api::proposal.proposal', { title }, proposal);

  const globals = strapi.documents('api::global.global');
  if (!(await globals.findFirst({}))) {
    await globals.create({
      data: {
        ...demo.globalSettings,
        ...(await demoBrandFiles(strapi)),
        announcement: demo.demoAnnouncement(now),
      } as never,
    });
  }
}
