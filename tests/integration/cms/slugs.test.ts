import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type RunningCms } from '../../helpers/cms.ts';
import { createDraft, publishChange, updateDraft } from '../../helpers/content.ts';
import { SPEAKER_UID, TALK_UID } from '../../helpers/evenings.ts';
import { databases } from '../../helpers/postgres.ts';

describe.each(databases)('the URL identifier follows the title until a person edits it (%s)', (database) => {
  let cms: RunningCms;
  let admin: string;

  beforeAll(async () => {
    cms = await startCms({ database, seedDemo: false });
    admin = await cms.adminToken();
  });
  afterAll(async () => {
    await cms?.destroy();
  });

  const slugOf = async (uid: string, documentId: string) => {
    const response = await cms.fetch(`/content-manager/collection-types/${uid}/${documentId}`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    return ((await response.json()) as { data: { slug: string } }).data.slug;
  };

  it('replaces Strapi’s placeholder with the title’s slug, and follows later titles', async () => {
    // The admin's UID input fills a new talk's identifier with "talk" unless its button is clicked.
    const talk = await createDraft(cms.url, admin, TALK_UID, { title: 'Écrire des tests qui comptent', slug: 'talk' });
    expect(await slugOf(TALK_UID, talk.documentId)).toBe('ecrire-des-tests-qui-comptent');
    await updateDraft(cms.url, admin, TALK_UID, talk.documentId, {
      title: 'Des tests qui comptent vraiment',
      slug: 'ecrire-des-tests-qui-comptent',
    });
    expect(await slugOf(TALK_UID, talk.documentId)).toBe('des-tests-qui-comptent-vraiment');
    const twin = await createDraft(cms.url, admin, TALK_UID, {
      title: 'Des tests qui comptent vraiment',
      slug: 'talk-1',
    });
    expect(await slugOf(TALK_UID, twin.documentId)).toBe('des-tests-qui-comptent-vraiment-1');
    const speaker = await createDraft(cms.url, admin, SPEAKER_UID, { name: 'Noémie Laurent', slug: 'speaker' });
    expect(await slugOf(SPEAKER_UID, speaker.documentId)).toBe('noemie-laurent');
  });

  it('keeps an identifier a person typed, and a published page’s address', async () => {
    const edited = await createDraft(cms.url, admin, TALK_UID, { title: 'Titre provisoire', slug: 'talk' });
    await updateDraft(cms.url, admin, TALK_UID, edited.documentId, { title: 'Titre provisoire', slug: 'mon-adresse' });
    await updateDraft(cms.url, admin, TALK_UID, edited.documentId, { title: 'Titre définitif', slug: 'mon-adresse' });
    expect(await slugOf(TALK_UID, edited.documentId)).toBe('mon-adresse');

    const published = await createDraft(cms.url, admin, TALK_UID, { title: 'Déjà en ligne', slug: 'talk' });
    await publishChange(cms.url, admin, TALK_UID, published.documentId, {});
    await updateDraft(cms.url, admin, TALK_UID, published.documentId, {
      title: 'Déjà en ligne, retitré',
      slug: 'deja-en-ligne',
    });
    expect(await slugOf(TALK_UID, published.documentId)).toBe('deja-en-ligne');
  });

  it('does not let the relation pop-up give a talk the identifier of the speaker it links', async () => {
    const talk = await createDraft(cms.url, admin, TALK_UID, { title: 'Observabilité pour tous', slug: 'talk' });
    const speaker = await createDraft(cms.url, admin, SPEAKER_UID, { name: 'Sophie Martin', slug: 'sophie-martin' });
    // What the pop-up sends once the speaker is created inside the talk's pop-up: the talk, re-saved
    // with the new speaker linked, and the speaker's identifier in place of the talk's.
    await updateDraft(cms.url, admin, TALK_UID, talk.documentId, {
      title: 'Observabilité pour tous',
      slug: 'sophie-martin',
      speakers: { connect: [{ id: speaker.id, documentId: speaker.documentId }], disconnect: [] },
    });
    expect(await slugOf(TALK_UID, talk.documentId)).toBe('observabilite-pour-tous');
    const response = await cms.fetch(`/content-manager/relations/${TALK_UID}/${talk.documentId}/speakers`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(
      ((await response.json()) as { results: { documentId: string }[] }).results.map((linked) => linked.documentId),
    ).toEqual([speaker.documentId]);
  });
});
