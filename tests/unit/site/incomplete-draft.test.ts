import { describe, expect, it } from 'vitest';
import { completeDraft } from '../../../site/src/lib/preview/incomplete-draft.ts';
import { markAsPreview } from '../../../site/src/lib/preview/mark.ts';
import { PostSchema, TalkSchema } from '../../../site/src/lib/strapi/schemas.ts';

const now = new Date('2026-12-02T10:00:00Z');

describe('a draft with required fields left empty', () => {
  it('gets stand-ins for them, each named', () => {
    const { entry, missing } = completeDraft(
      'posts',
      PostSchema,
      { documentId: 'p', title: 'Sans date', slug: 'sans-date', date: null },
      now,
    );
    expect(missing).toEqual(['date']);
    expect(entry.date).toBe('2026-12-02');
    const talk = completeDraft('talks', TalkSchema, { documentId: 't', title: '', slug: 'talk', speakers: [] }, now);
    expect(talk.missing).toEqual(['title']);
    expect(talk.entry.title).toBe('À compléter');
  });

  it('still fails, naming the field, on a value that is wrong rather than missing', () => {
    expect(() =>
      completeDraft(
        'posts',
        PostSchema,
        { documentId: 'p', title: 'Mauvaise date', slug: 'x', date: '2 décembre' },
        now,
      ),
    ).toThrow(/field date/);
  });

  it('is marked in the banner, escaped', () => {
    const html = markAsPreview('<html><head></head><body><h1>x</h1></body></html>', [
      'Date de publication',
      '<b>Titre</b>',
    ]);
    expect(html).toContain(
      'À compléter avant de publier : Date de publication, &lt;b&gt;Titre&lt;/b&gt; (une valeur provisoire est montrée à la place).',
    );
  });
});
