import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type RunningCms } from '../../helpers/cms.ts';
import { adminLogin, createAdminUser, createDraft, publishChange, updateDraft } from '../../helpers/content.ts';
import {
  createEveningDrafts,
  eveningAction,
  EVENT_UID,
  isPublic,
  publishedProgramme,
  SPEAKER_UID,
  TALK_UID,
} from '../../helpers/evenings.ts';
import { databases } from '../../helpers/postgres.ts';

const AUTHOR = { email: 'autrice@clermontech.test', password: 'Autrice-Passw0rd!' };
const OWN = { email: 'programmatrice@clermontech.test', password: 'Programmatrice-Passw0rd!' };

describe.each(databases)('"Publier la soirée" (%s)', (database) => {
  let cms: RunningCms;
  let admin: string;

  beforeAll(async () => {
    cms = await startCms({ database, seedDemo: false });
    admin = await cms.adminToken();
  });
  afterAll(async () => {
    await cms?.destroy();
  });

  it('publishes the event, its talks and their speakers together, and unpublishes them together', async () => {
    const evening = await createEveningDrafts(cms, admin, {
      title: 'API Hour #90',
      slug: 'api-hour-90',
      talks: [
        { title: 'Premier talk', slug: 'premier-talk-90', speakers: [{ name: 'Ada Martin', slug: 'ada-martin' }] },
        {
          title: 'Deuxième talk',
          slug: 'deuxieme-talk-90',
          speakers: [
            { name: 'Bob Durand', slug: 'bob-durand' },
            { name: 'Chloé Petit', slug: 'chloe-petit' },
          ],
        },
      ],
    });

    const published = await eveningAction(cms, admin, evening.event, 'publish');
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(published.body.counts).toEqual({ events: 1, talks: 2, speakers: 3 });
    expect(published.body.message).toBe(
      'Soirée publiée : l’événement, 2 talks et 3 speakers. Le site public se met à jour dans quelques secondes.',
    );
    expect(await publishedProgramme(cms, 'api-hour-90')).toMatchObject({
      title: 'API Hour #90',
      talks: expect.arrayContaining([
        expect.objectContaining({ title: 'Premier talk', speakers: [expect.objectContaining({ name: 'Ada Martin' })] }),
        expect.objectContaining({
          title: 'Deuxième talk',
          speakers: expect.arrayContaining([
            expect.objectContaining({ name: 'Bob Durand' }),
            expect.objectContaining({ name: 'Chloé Petit' }),
          ]),
        }),
      ]),
    });

    // Ada also speaks at another, separately published evening: her page stays when this one goes offline.
    const other = await createDraft(cms.url, admin, TALK_UID, {
      title: 'Ailleurs',
      slug: 'ailleurs-90',
      speakers: { connect: [{ documentId: evening.speakers[0] }] },
    });
    await publishChange(cms.url, admin, TALK_UID, other.documentId, {});

    const unpublished = await eveningAction(cms, admin, evening.event, 'unpublish');
    expect(unpublished.status, JSON.stringify(unpublished.body)).toBe(200);
    expect(unpublished.body.counts).toEqual({ events: 1, talks: 2, speakers: 2 });
    expect(unpublished.body.message).toBe(
      'Soirée dépubliée : l’événement, 2 talks et 2 speakers. Les brouillons restent ; le site public se met à jour dans quelques secondes.',
    );
    expect(await isPublic(cms, 'events', 'api-hour-90')).toBe(false);
    expect(await isPublic(cms, 'talks', 'premier-talk-90')).toBe(false);
    expect(await isPublic(cms, 'speakers', 'bob-durand')).toBe(false);
    expect(await isPublic(cms, 'speakers', 'ada-martin')).toBe(true);
  });

  it('names in French what is missing and publishes nothing', async () => {
    const nameless = await createDraft(cms.url, admin, SPEAKER_UID, { slug: 'sans-nom' });
    const evening = await createEveningDrafts(cms, admin, {
      title: 'API Hour #91',
      slug: 'api-hour-91',
      talks: [
        { title: 'Talk sans speaker', slug: 'talk-sans-speaker', speakers: [] },
        { title: 'Talk complet', slug: 'talk-complet-91', speakers: [{ name: 'Dora Faure', slug: 'dora-faure' }] },
        { title: 'Talk au speaker anonyme', slug: 'talk-anonyme', speakers: [nameless.documentId] },
      ],
    });
    const untitled = await createDraft(cms.url, admin, TALK_UID, {
      slug: 'sans-titre',
      position: 4,
      speakers: { connect: [{ documentId: evening.speakers[0] }] },
    });
    await updateDraft(cms.url, admin, EVENT_UID, evening.event, {
      talks: { connect: [{ documentId: untitled.documentId }] },
    });

    const refused = await eveningAction(cms, admin, evening.event, 'publish');
    expect(refused.status).toBe(409);
    expect(refused.body.error?.message).toBe('La soirée n’a pas été publiée : il manque 3 choses.');
    expect(refused.body.error?.details.missing).toEqual([
      'Le talk « Talk sans speaker » n’a pas de speaker.',
      'Le speaker n° 1 de « Talk au speaker anonyme » : « Nom » à remplir.',
      'Le talk n° 4 du programme : « Titre » à remplir.',
    ]);
    for (const [path, slug] of [
      ['events', 'api-hour-91'],
      ['talks', 'talk-complet-91'],
      ['speakers', 'dora-faure'],
    ] as const) {
      expect(await isPublic(cms, path, slug), `${path}/${slug}`).toBe(false);
    }
  });

  it('applies the admin user’s role to every document: an Author may not, a role limited to its own entries may not publish another’s speaker', async () => {
    const superAdmin = { authorization: `Bearer ${admin}`, 'content-type': 'application/json' };
    const roleResponse = await cms.fetch('/admin/roles', {
      method: 'POST',
      headers: superAdmin,
      body: JSON.stringify({ name: 'Programmation', description: 'Ses soirées seulement' }),
    });
    const role = ((await roleResponse.json()) as { data: { id: number } }).data;
    const own = (action: string, subject: string) => ({
      action: `plugin::content-manager.explorer.${action}`,
      subject,
      properties: {},
      conditions: ['admin::is-creator'],
    });
    const permissions = [EVENT_UID, TALK_UID, SPEAKER_UID].flatMap((subject) =>
      ['create', 'read', 'update', 'publish'].map((action) => own(action, subject)),
    );
    const saved = await cms.fetch(`/admin/roles/${role.id}/permissions`, {
      method: 'PUT',
      headers: superAdmin,
      body: JSON.stringify({ permissions }),
    });
    expect(saved.status, await saved.clone().text()).toBe(200);
    await createAdminUser(cms.url, admin, 'Author', AUTHOR.email, AUTHOR.password);
    await createAdminUser(cms.url, admin, 'Programmation', OWN.email, OWN.password);
    const author = await adminLogin(cms.url, AUTHOR.email, AUTHOR.password);
    const programmer = await adminLogin(cms.url, OWN.email, OWN.password);

    const authorEvening = await createEveningDrafts(cms, author, {
      title: 'API Hour #92',
      slug: 'api-hour-92',
      talks: [{ title: 'Talk 92', slug: 'talk-92', speakers: [{ name: 'Eve Roux', slug: 'eve-roux' }] }],
    });
    const byAuthor = await eveningAction(cms, author, authorEvening.event, 'publish');
    expect(byAuthor.status).toBe(403);
    expect(byAuthor.body.error?.message).toBe(
      'Votre rôle ne permet pas de publier cet événement, ses talks et leurs speakers.',
    );

    const othersSpeaker = await createDraft(cms.url, admin, SPEAKER_UID, { name: 'Fanny Blanc', slug: 'fanny-blanc' });
    const mixed = await createEveningDrafts(cms, programmer, {
      title: 'API Hour #93',
      slug: 'api-hour-93',
      talks: [{ title: 'Talk 93', slug: 'talk-93', speakers: [othersSpeaker.documentId] }],
    });
    expect((await eveningAction(cms, programmer, mixed.event, 'publish')).status).toBe(403);
    expect(await isPublic(cms, 'events', 'api-hour-93')).toBe(false);
    expect(await isPublic(cms, 'talks', 'talk-93')).toBe(false);

    const mine = await createEveningDrafts(cms, programmer, {
      title: 'API Hour #94',
      slug: 'api-hour-94',
      talks: [{ title: 'Talk 94', slug: 'talk-94', speakers: [{ name: 'Gaël Noir', slug: 'gael-noir' }] }],
    });
    expect((await eveningAction(cms, programmer, mine.event, 'publish')).status).toBe(200);
    expect(await publishedProgramme(cms, 'api-hour-94')).toMatchObject({
      talks: [{ title: 'Talk 94', speakers: [{ name: 'Gaël Noir' }] }],
    });
  });

  it('answers 404 in French for an event that does not exist', async () => {
    const missing = await eveningAction(cms, admin, 'aucunevenementici', 'publish');
    expect(missing).toEqual({
      status: 404,
      body: {
        data: null,
        error: { status: 404, name: 'NotFoundError', message: 'Cet événement n’existe pas.', details: {} },
      },
    });
  });
});
