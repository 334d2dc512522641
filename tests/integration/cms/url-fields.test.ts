import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type RunningCms } from '../../helpers/cms.ts';
import { createDraft } from '../../helpers/content.ts';
import { EVENT_UID, SPEAKER_UID, TALK_UID } from '../../helpers/evenings.ts';
import { databases } from '../../helpers/postgres.ts';

/** Variants of one registration link, as volunteers mistype it: each would vanish from the site. */
const LINK = 'mobilizon.fr/events/api-hour-75';
const MALFORMED = [
  LINK,
  `www.${LINK}`,
  `htps://${LINK}`,
  `https//${LINK}`,
  `https:/${LINK}`,
  'https://mobilizon fr/events/75',
  'https://mobilizon/events/75',
  'javascript:alert(1)',
];

describe.each(databases)('links are checked when saved (%s)', (database) => {
  let cms: RunningCms;
  let admin: string;

  beforeAll(async () => {
    cms = await startCms({ database, seedDemo: false });
    admin = await cms.adminToken();
  });
  afterAll(async () => {
    await cms?.destroy();
  });

  const save = (uid: string, data: Record<string, unknown>) =>
    cms.fetch(`/content-manager/collection-types/${uid}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify(data),
    });
  const event = (registrationUrl: string) => ({
    title: 'API Hour #75',
    slug: 'api-hour-75',
    kind: 'api-hour',
    startsAt: '2027-04-15T16:30:00.000Z',
    registrationUrl,
  });

  it.each(MALFORMED)(
    'refuses the registration link %j, in French, naming the field, and saves nothing',
    async (registrationUrl) => {
      const response = await save(EVENT_UID, event(registrationUrl));
      expect(response.status).toBe(400);
      const body = (await response.json()) as {
        error: { message: string; details: { errors: { path: string[]; message: string }[] } };
      };
      expect(body.error.message).toMatch(/^« Lien d’inscription » : /);
      expect(body.error.details.errors.map(({ path }) => path)).toEqual([['registrationUrl']]);
      const stored = (await (
        await cms.fetch(`/content-manager/collection-types/${EVENT_UID}?filters[slug][$eq]=api-hour-75`, {
          headers: { authorization: `Bearer ${admin}` },
        })
      ).json()) as { results: unknown[] };
      expect(stored.results).toEqual([]);
    },
  );

  it('names each wrong link of a talk, and a speaker’s link by its place in the list', async () => {
    const talk = await save(TALK_UID, {
      title: 'Des slides égarées',
      slug: 'des-slides-egarees',
      slidesUrl: 'slides.example.org/deck',
      videoUrl: 'https://youtu be/x',
    });
    expect(talk.status).toBe(400);
    const message = ((await talk.json()) as { error: { message: string } }).error.message;
    expect(message).toContain('« Lien des slides » : elle doit commencer par https://');
    expect(message).toContain('« Lien de la vidéo » : une adresse ne contient pas d’espace');

    const speaker = await save(SPEAKER_UID, {
      name: 'Lina Morel',
      slug: 'lina-morel',
      links: [
        { label: 'Site', url: 'https://lina.example.org' },
        { label: 'Mastodon', url: 'piaille.fr/@lina' },
      ],
    });
    expect(speaker.status).toBe(400);
    expect(((await speaker.json()) as { error: { message: string } }).error.message).toMatch(
      /^« Liens » \(n° 2\), adresse : elle doit commencer par https:\/\//,
    );
  });

  it('saves good links, and an emptied one', async () => {
    const saved = await createDraft(cms.url, admin, EVENT_UID, event('https://mobilizon.fr/events/api-hour-75'));
    expect(saved.registrationUrl).toBe('https://mobilizon.fr/events/api-hour-75');
    expect(
      (await createDraft(cms.url, admin, TALK_UID, { title: 'Sans slides', slug: 'sans-slides', slidesUrl: '' }))
        .documentId,
    ).toBeTruthy();
  });
});
