import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type RunningCms } from '../../helpers/cms.ts';
import { adminLogin, createAdminUser, createDraft } from '../../helpers/content.ts';
import {
  draftsWhere,
  eveningAction,
  EVENT_UID,
  isPublic,
  planEvening,
  SPEAKER_UID,
  TALK_UID,
} from '../../helpers/evenings.ts';
import { databases } from '../../helpers/postgres.ts';
import { fileForm, storedFilesNamed, tinyPng, uniqueMarker } from '../../helpers/uploads.ts';

const AUTHOR = { email: 'autrice-soirees@clermontech.test', password: 'Autrice-Passw0rd!' };
const VENUE_UID = 'api::venue.venue';

/** The guided page's body for an evening with these talks. */
const plan = (title: string, talks: unknown[], event: Record<string, unknown> = {}) => ({
  event: { title, kind: 'api-hour', number: 101, date: '2027-04-16', time: '19:00', summary: 'Trois talks.', ...event },
  talks,
});

describe.each(databases)('"Programmer une soirée" (%s)', (database) => {
  let cms: RunningCms;
  let admin: string;

  const uploadPhoto = async (name: string) => {
    const response = await cms.fetch('/upload', {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}` },
      body: fileForm(name, 'image/png', tinyPng()),
    });
    expect(response.status, await response.clone().text()).toBe(201);
    return ((await response.json()) as { id: number }[])[0]!.id;
  };

  beforeAll(async () => {
    cms = await startCms({ database, seedDemo: false });
    admin = await cms.adminToken();
    await createAdminUser(cms.url, admin, 'Author', AUTHOR.email, AUTHOR.password);
  });
  afterAll(async () => {
    await cms?.destroy();
  });

  it('creates the event, a new venue, three talks and a new speaker with a photo as linked drafts, which "Publier la soirée" then publishes', async () => {
    const known = await createDraft(cms.url, admin, SPEAKER_UID, { name: 'Camille Roche' });
    const photo = await uploadPhoto(`${uniqueMarker()}.png`);
    const created = await planEvening(
      cms,
      admin,
      plan(
        'API Hour #101',
        [
          {
            title: 'Du code qui se lit',
            abstract: 'Lisible.',
            duration: 20,
            slidesUrl: 'https://slides.example.org/lire',
            speaker: { name: 'Quentin Perrin', photo },
          },
          { title: 'Tester en production', duration: 25, speaker: { documentId: known.documentId } },
          { title: 'Les index expliqués', speaker: { name: 'Yanis Morel' } },
        ],
        {
          venue: { name: 'La Baie des Singes', address: '6 cours Sablon' },
          registrationUrl: 'https://mobilizon.fr/events/101',
          registrationMode: 'lien',
          capacity: 80,
        },
      ),
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.message).toBe(
      'Soirée enregistrée en brouillon : l’événement et ses 3 talks. Prévisualisez-la, puis publiez-la.',
    );
    const documentId = created.body.documentId!;

    // Drafts only: nothing is on the public API yet.
    expect(await isPublic(cms, 'events', 'api-hour-101')).toBe(false);
    const talks = await draftsWhere(cms, admin, TALK_UID, 'event][documentId', documentId);
    expect(talks.map((talk) => [talk.title, talk.slug, talk.position])).toEqual(
      expect.arrayContaining([
        ['Du code qui se lit', 'du-code-qui-se-lit', 1],
        ['Tester en production', 'tester-en-production', 2],
        ['Les index expliqués', 'les-index-expliques', 3],
      ]),
    );
    expect(await draftsWhere(cms, admin, SPEAKER_UID, 'name', 'Camille Roche')).toHaveLength(1);

    const published = await eveningAction(cms, admin, documentId, 'publish');
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(published.body.counts).toEqual({ events: 1, talks: 3, speakers: 3, venues: 1 });
    expect(published.body.message).toBe(
      'Soirée publiée : l’événement, son lieu, 3 talks et 3 speakers. Le site public se met à jour dans quelques secondes.',
    );
    const response = await cms.fetch(
      '/api/events?filters[slug][$eq]=api-hour-101&populate[talks][populate][speakers][populate]=photo&populate[venue]=true',
    );
    const [event] = ((await response.json()) as { data: Record<string, unknown>[] }).data;
    expect(event).toMatchObject({
      title: 'API Hour #101',
      number: 101,
      // 19:00 in Paris on 16 April (summer time) is 17:00 UTC.
      startsAt: '2027-04-16T17:00:00.000Z',
      registrationUrl: 'https://mobilizon.fr/events/101',
      registrationMode: 'lien',
      capacity: 80,
      venue: expect.objectContaining({ name: 'La Baie des Singes', address: '6 cours Sablon' }),
    });
    const programme = event!.talks as {
      title: string;
      duration: number | null;
      speakers: { name: string; photo: { id: number } | null }[];
    }[];
    expect(
      Object.fromEntries(programme.map((talk) => [talk.title, talk.speakers.map((speaker) => speaker.name)])),
    ).toEqual({
      'Du code qui se lit': ['Quentin Perrin'],
      'Tester en production': ['Camille Roche'],
      'Les index expliqués': ['Yanis Morel'],
    });
    expect(programme.find((talk) => talk.title === 'Du code qui se lit')?.speakers[0]?.photo?.id).toBe(photo);
  });

  it('names each field to correct in French, URLs included, and creates nothing', async () => {
    const refused = await planEvening(
      cms,
      admin,
      plan(
        '',
        [
          { title: 'Sans speaker', slidesUrl: 'slides.example.org/x' },
          { title: '', duration: 900, speaker: { name: 'Léa Fabre' } },
        ],
        { date: '2027-02-30', registrationUrl: 'mobilizon/evenement' },
      ),
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error?.message).toBe('La soirée n’a pas été créée : 7 champs sont à corriger.');
    expect(refused.body.error?.details.problems).toEqual([
      'La soirée : « Titre » est à remplir.',
      'La soirée : « Date » ou « Heure de début » n’est pas une date valide.',
      'La soirée : « Lien d’inscription » n’est pas une adresse web (elle commence par https://).',
      'Le talk n° 1 : « Lien des slides » n’est pas une adresse web (elle commence par https://).',
      'Le talk n° 1 : « Speaker » est à remplir.',
      'Le talk n° 2 : « Titre » est à remplir.',
      'Le talk n° 2 : « Durée (minutes) » doit être un nombre entier de 1 à 600.',
    ]);
    expect(await draftsWhere(cms, admin, TALK_UID, 'title', 'Sans speaker')).toEqual([]);
    expect(await draftsWhere(cms, admin, SPEAKER_UID, 'name', 'Léa Fabre')).toEqual([]);
  });

  it('keeps nothing when one creation fails halfway: no event, venue, talk or speaker, and the uploaded photo is removed', async () => {
    const marker = uniqueMarker();
    const photo = await uploadPhoto(`${marker}.png`);
    expect(storedFilesNamed(marker).length).toBeGreaterThan(0);
    // The third talk's title is longer than the content type allows: Strapi refuses it after the
    // venue, the event, the first two talks and the new speaker were created.
    const refused = await planEvening(
      cms,
      admin,
      plan(
        'API Hour #102',
        [
          { title: 'Premier talk 102', speaker: { name: 'Inès Vidal', photo } },
          { title: 'Deuxième talk 102', speaker: { name: 'Hugo Marchand' } },
          { title: 'x'.repeat(201), speaker: { name: 'Hugo Marchand' } },
        ],
        { number: 102, venue: { name: 'Salle 102' } },
      ),
    );
    expect(refused.status, JSON.stringify(refused.body)).toBe(400);
    expect(refused.body.error?.details.problems).toEqual([
      'Le talk n° 3 : « Titre » est trop long (200 caractères au plus).',
    ]);
    expect(await draftsWhere(cms, admin, EVENT_UID, 'title', 'API Hour #102')).toEqual([]);
    expect(await draftsWhere(cms, admin, VENUE_UID, 'name', 'Salle 102')).toEqual([]);
    expect(await draftsWhere(cms, admin, TALK_UID, 'title', 'Premier talk 102')).toEqual([]);
    expect(await draftsWhere(cms, admin, SPEAKER_UID, 'name', 'Inès Vidal')).toEqual([]);
    expect(await draftsWhere(cms, admin, SPEAKER_UID, 'name', 'Hugo Marchand')).toEqual([]);
    expect((await cms.fetch(`/upload/files/${photo}`, { headers: { authorization: `Bearer ${admin}` } })).status).toBe(
      404,
    );
    expect(storedFilesNamed(marker)).toEqual([]);
  });

  it('names a chosen speaker or venue deleted since the page listed them', async () => {
    const refused = await planEvening(
      cms,
      admin,
      plan('API Hour #104', [{ title: 'Talk 104', speaker: { documentId: 'aucunspeakerici0000000000' } }], {
        number: 104,
        venue: { documentId: 'aucunlieuici000000000000' },
      }),
    );
    expect(refused.status, JSON.stringify(refused.body)).toBe(400);
    expect(refused.body.error?.details.problems).toEqual([
      'La soirée : « Lieu » choisi n’existe plus.',
      'Le talk n° 1 : le speaker choisi n’existe plus.',
    ]);
    expect(await draftsWhere(cms, admin, EVENT_UID, 'title', 'API Hour #104')).toEqual([]);
  });

  it('refuses an Author (who may not publish) before reading anything, and creates nothing', async () => {
    const author = await adminLogin(cms.url, AUTHOR.email, AUTHOR.password);
    const refused = await planEvening(
      cms,
      author,
      plan('API Hour #103', [{ title: 'Talk 103', speaker: { name: 'Zoé Laurent' } }], { number: 103 }),
    );
    expect(refused.status).toBe(403);
    expect(refused.body.error?.message).toBe(
      'Votre rôle ne permet pas de programmer une soirée : il faut pouvoir créer et publier les événements, les talks et les speakers.',
    );
    expect((await cms.fetch('/evenings/plan/choices', { headers: { authorization: `Bearer ${author}` } })).status).toBe(
      403,
    );
    expect(await draftsWhere(cms, admin, EVENT_UID, 'title', 'API Hour #103')).toEqual([]);
    expect(
      (
        await cms.fetch('/evenings/plan', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        })
      ).status,
    ).toBe(401);
  });

  it('lists the speakers and venues to choose from', async () => {
    const response = await cms.fetch('/evenings/plan/choices', { headers: { authorization: `Bearer ${admin}` } });
    expect(response.status).toBe(200);
    const choices = (await response.json()) as { speakers: { name: string }[]; venues: { name: string }[] };
    expect(choices.speakers.map((speaker) => speaker.name)).toEqual(
      expect.arrayContaining(['Camille Roche', 'Quentin Perrin']),
    );
    expect(choices.venues.map((venue) => venue.name)).toContain('La Baie des Singes');
  });
});
