import { describe, expect, it } from 'vitest';
import { missingForPublication, type RequiredFields } from '../../../cms/src/evenings/completeness.ts';
import { resultMessage } from '../../../cms/src/evenings/messages.ts';

const REQUIRED: RequiredFields = {
  event: { title: 'Titre', startsAt: 'Début' },
  talk: { title: 'Titre', slug: 'Identifiant d’URL' },
  speaker: { name: 'Nom' },
};
const speaker = (documentId: string, name?: string) => ({ documentId, name, slug: documentId });

describe('"Publier la soirée" in French', () => {
  it.each([
    [
      'publish',
      { events: 1, talks: 3, speakers: 3 },
      'Soirée publiée : l’événement, 3 talks et 3 speakers. Le site public se met à jour dans quelques secondes.',
    ],
    [
      'publish',
      { events: 1, talks: 1, speakers: 1 },
      'Soirée publiée : l’événement, 1 talk et 1 speaker. Le site public se met à jour dans quelques secondes.',
    ],
    [
      'publish',
      { events: 1, talks: 0, speakers: 0 },
      'Soirée publiée : l’événement. Le site public se met à jour dans quelques secondes.',
    ],
    [
      'unpublish',
      { events: 0, talks: 0, speakers: 0 },
      'Soirée dépubliée : rien (déjà hors ligne). Les brouillons restent ; le site public se met à jour dans quelques secondes.',
    ],
  ] as const)('%s %o', (action, counts, message) => {
    expect(resultMessage(action, counts)).toBe(message);
  });

  it('names each missing thing in reading order: the event, then each talk and its speakers', () => {
    const missing = missingForPublication(
      {
        event: { documentId: 'e', title: 'API Hour #99', startsAt: null },
        talks: [
          { documentId: 't1', title: 'Complet', slug: 'complet', speakers: [speaker('s1', 'Ada')] },
          { documentId: 't2', title: '  ', slug: 'vide', speakers: [] },
          { documentId: 't3', title: 'Anonyme', slug: 'anonyme', speakers: [speaker('s1', 'Ada'), speaker('s2')] },
        ],
      },
      REQUIRED,
    );
    expect(missing).toEqual([
      'L’événement : « Début » à remplir.',
      'Le talk n° 2 du programme : « Titre » à remplir.',
      'Le talk n° 2 du programme n’a pas de speaker.',
      'Le speaker n° 2 de « Anonyme » : « Nom » à remplir.',
    ]);
  });

  it('finds nothing missing in a complete evening, even without talks', () => {
    expect(
      missingForPublication(
        { event: { documentId: 'e', title: 'Atelier', startsAt: '2027-01-01T18:00:00Z' }, talks: [] },
        REQUIRED,
      ),
    ).toEqual([]);
  });
});
