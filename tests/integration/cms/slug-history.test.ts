import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type RunningCms } from '../../helpers/cms.ts';
import { createDraft, publishChange, updateDraft } from '../../helpers/content.ts';
import { EVENT_UID, SPEAKER_UID, TALK_UID } from '../../helpers/evenings.ts';
import { databases } from '../../helpers/postgres.ts';

describe.each(databases)('a published page keeps its earlier slugs (%s)', (database) => {
  let cms: RunningCms;
  let admin: string;

  beforeAll(async () => {
    cms = await startCms({ database, seedDemo: false });
    admin = await cms.adminToken();
  });
  afterAll(async () => {
    await cms?.destroy();
  });

  /** What the site reads: the published entry with this slug and its `previousSlugs`. */
  const published = async (path: string, slug: string) => {
    const response = await cms.fetch(`/api/${path}?filters[slug][$eq]=${encodeURIComponent(slug)}`);
    const body = (await response.json()) as { data: { previousSlugs: string[] | null }[] };
    return body.data[0];
  };

  it('records each slug a published talk leaves, a→b→c giving [a, b], in the published version', async () => {
    const talk = await createDraft(cms.url, admin, TALK_UID, { title: 'Premier titre', slug: 'premier-titre' });
    await publishChange(cms.url, admin, TALK_UID, talk.documentId, {});
    expect((await published('talks', 'premier-titre'))?.previousSlugs ?? []).toEqual([]);

    await publishChange(cms.url, admin, TALK_UID, talk.documentId, { title: 'Deuxième titre', slug: 'deuxieme-titre' });
    expect((await published('talks', 'deuxieme-titre'))?.previousSlugs).toEqual(['premier-titre']);

    await publishChange(cms.url, admin, TALK_UID, talk.documentId, {
      title: 'Troisième titre',
      slug: 'troisieme-titre',
    });
    expect((await published('talks', 'troisieme-titre'))?.previousSlugs).toEqual(['premier-titre', 'deuxieme-titre']);
    expect(await published('talks', 'premier-titre')).toBeUndefined();
    // Recording the history is no edit of the draft: the admin shows the talk as published, not modified since.
    const inAdmin = await cms.fetch(`/content-manager/collection-types/${TALK_UID}/${talk.documentId}`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(((await inAdmin.json()) as { data: { status: string } }).data.status).toBe('published');
  });

  it('records nothing for a draft never published, nor for a draft saved without publishing', async () => {
    const speaker = await createDraft(cms.url, admin, SPEAKER_UID, { name: 'Inès Roux', slug: 'ines-roux' });
    await updateDraft(cms.url, admin, SPEAKER_UID, speaker.documentId, { name: 'Inès Roux', slug: 'ines-roux-2' });
    await publishChange(cms.url, admin, SPEAKER_UID, speaker.documentId, {});
    expect((await published('speakers', 'ines-roux-2'))?.previousSlugs ?? []).toEqual([]);

    await updateDraft(cms.url, admin, SPEAKER_UID, speaker.documentId, { name: 'Inès Roux', slug: 'ines-roux-3' });
    // Still published under its old slug, with no history: the draft's new slug is not live yet.
    expect((await published('speakers', 'ines-roux-2'))?.previousSlugs ?? []).toEqual([]);
  });

  it('drops a slug from the history when the page takes it back', async () => {
    const event = await createDraft(cms.url, admin, EVENT_UID, {
      title: 'Atelier Rust',
      slug: 'atelier-rust',
      kind: 'workshop',
      startsAt: '2027-01-14T18:00:00.000Z',
    });
    await publishChange(cms.url, admin, EVENT_UID, event.documentId, {});
    await publishChange(cms.url, admin, EVENT_UID, event.documentId, { slug: 'atelier-rust-debutants' });
    await publishChange(cms.url, admin, EVENT_UID, event.documentId, { slug: 'atelier-rust' });
    expect((await published('events', 'atelier-rust'))?.previousSlugs).toEqual(['atelier-rust-debutants']);
  });
});
