import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planImport } from '../../src/index.ts';
import { withoutProgramme } from '../../src/programme.ts';

/** The association's old site, as the tests keep it (read in place, never copied). */
const FIXTURE = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'fixtures', 'jekyll-clermontech');

describe('withoutProgramme', () => {
  const page = [
    'Intro.',
    '',
    '## Infos',
    'Mardi.',
    '',
    '## Programme',
    '',
    '### Ada • Talk one',
    'About one.',
    '',
    '### Bob • Talk two',
    'About two.',
    '',
    '## Après',
    'Un verre.',
  ].join('\n');

  it('drops the announced talks’ sections and the emptied "Programme" heading', () => {
    const left = withoutProgramme(page, new Set([2, 3]));
    expect(left).not.toMatch(/Programme|Talk one|About two/);
    expect(left).toContain('## Infos\nMardi.');
    expect(left).toContain('## Après\nUn verre.');
  });

  it('keeps a talk no entry carries, under its "Programme" heading', () => {
    const left = withoutProgramme(page, new Set([2]));
    expect(left).not.toContain('Talk one');
    expect(left).toContain('## Programme\n\n### Bob • Talk two\nAbout two.');
  });
});

describe('the fixture’s evenings, as planned', () => {
  const plan = planImport(FIXTURE);
  const events = plan.entries.filter((entry) => entry.type === 'event');
  const talksOf = (key: string) =>
    plan.entries.filter((entry) => entry.type === 'talk' && (entry.data.event as { key?: string } | null)?.key === key);

  it('API Hour #40 keeps its concept and practical text, not its programme', () => {
    const description = String(events.find((entry) => entry.key === '/api-hours/api-hour-40.html')!.data.description);
    expect(description).toContain('Trois ou quatre conférences courtes');
    expect(description).toContain('Informations pratiques');
    expect(description).not.toMatch(
      /## Programme|Retour d’expérience sur le travail en indépendant|Languages ésotériques/,
    );
  });

  it('no evening with talks keeps a heading that names one of its talks', () => {
    const repeated = events.flatMap((event) => {
      const description = String(event.data.description ?? '');
      const headings = [...description.matchAll(/^#{1,6}\s+(.*)$/gm)].map((match) => match[1]!);
      return talksOf(event.key)
        .filter((talk) => talk.label.length > 12 && headings.some((heading) => heading.includes(talk.label)))
        .map((talk) => `${event.key}: ${talk.label}`);
    });
    expect(repeated).toEqual([]);
  });
});
