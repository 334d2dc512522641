import { describe, expect, it } from 'vitest';
import { leadOnce } from '../../../site/src/lib/lead.ts';

describe('leadOnce', () => {
  const body = [
    'Trois talks courts sur les **files de messages**, avec [un lien](/talks/x/).',
    '',
    '## Infos pratiques',
    '',
    'Rendez-vous à 19h.',
  ].join('\n');

  it('drops the body’s opening paragraph when the summary says it (markup, apostrophes and spaces aside)', () => {
    const plainBody = body.replace(', avec [un lien](/talks/x/).', '.');
    const once = leadOnce('Trois talks courts sur les files  de messages.', plainBody);
    expect(once.lead).toBe('Trois talks courts sur les files  de messages.');
    expect(once.body).not.toContain('Trois talks');
    expect(once.body).toContain('## Infos pratiques');
  });

  it('keeps a paragraph with links whole, and shows no lead, when the summary is its text', () => {
    expect(leadOnce('Trois talks courts sur les files de messages, avec un lien.', body)).toEqual({
      lead: undefined,
      body,
    });
  });

  it('keeps the paragraph whole and shows no lead when the summary is that paragraph cut short', () => {
    expect(leadOnce('Trois talks courts sur les files…', body)).toEqual({ lead: undefined, body });
  });

  it('keeps both when they differ, or when the same words only come after a heading', () => {
    expect(leadOnce('Une soirée sur les messages.', body)).toEqual({ lead: 'Une soirée sur les messages.', body });
    expect(leadOnce('Rendez-vous à 19h.', body)).toEqual({ lead: 'Rendez-vous à 19h.', body });
  });

  it("treats ’ and ' alike", () => {
    expect(leadOnce('L’API Hour de mars.', "L'API Hour de mars.\n\nSuite.").body).toBe('Suite.');
  });
});
