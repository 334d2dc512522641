import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planImport } from '../../src/index.ts';
import type { PlannedEntry } from '../../src/plan.ts';

/** The association's old site, as the tests keep it (read in place, never copied). */
const FIXTURE = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'fixtures', 'jekyll-clermontech');

describe('the fixture’s classes of issue 22, as planned', () => {
  const plan = planImport(FIXTURE);
  const event = (key: string) => plan.entries.find((entry) => entry.type === 'event' && entry.key === key)!;
  const programme = (key: string) =>
    plan.entries
      .filter(
        (entry): entry is PlannedEntry =>
          entry.type === 'talk' && (entry.data.event as { key?: string } | null)?.key === key,
      )
      .sort((a, b) => Number(a.data.position) - Number(b.data.position))
      .map((entry) => [entry.label, entry.data.duration]);

  it('orders #2 and #21 as their pages listed them (#21 is the reverse of its file names)', () => {
    expect(programme('/api-hours/api-hour-2.html').map(([title]) => title)).toEqual([
      'Private Cloud OVH',
      'Tasteful',
      'Back From Devoxx France 2013',
      'Object Calisthenics',
    ]);
    expect(programme('/api-hours/api-hour-21.html').map(([title]) => title)).toEqual([
      'Drupalgeddon',
      'La blockchain sans crypto ni bitcoin',
      'Retour sur l’amélioration de la pertinence sur Elasticsearch',
    ]);
  });

  it('reads the durations of the headings ("(30 min)")', () => {
    expect(programme('/api-hours/api-hour-41.html')[0]).toEqual([
      'Radio logicielle ( Software Defined Radio ) : Jouer avec les radiofréquences',
      30,
    ]);
    const timed = plan.entries.filter((entry) => entry.type === 'talk' && entry.data.duration !== null);
    expect(timed.length).toBeGreaterThanOrEqual(15);
  });

  it.each([
    ['/api-hours/api-hour-7.html', ['images/github-corpo.png']],
    ['/api-hours/api-hour-9.html', ['images/mailjet.png', 'images/logo-empire-du-malt.png']],
    ['/workshops/workshop-1-git.html', ['images/gandi.png', 'images/o2switch.png']],
  ])('uploads the logos inside links of %s', (key, logos) => {
    const description = String(event(key).data.description);
    for (const logo of logos) expect(description).toContain(`[![](jekyll-asset:${logo})]`);
    expect(description).not.toMatch(/\]\(\/images\//);
  });

  it.each([
    '/api-hours/api-hour-38.html',
    '/api-hours/api-hour-39.html',
    '/api-hours/api-hour-41.html',
    '/api-hours/api-hour-43.html',
    '/api-hours/api-hour-9.html',
  ])('leaves no address with a space in the links of %s', (key) => {
    const description = String(event(key).data.description);
    for (const match of description.matchAll(/\]\(([^)]*)\)/g)) expect(match[1]).not.toMatch(/\s/);
  });

  it('keeps #3’s summary free of Markdown, and workshop #1’s table one HTML block', () => {
    expect(event('/api-hours/api-hour-3.html').data.summary).toMatch(
      /^C'est avec un grand plaisir que nous vous annonçons l'API Hour Summer Edition Clermont'ech/,
    );
    const table = /<table>[\s\S]*<\/table>/.exec(String(event('/workshops/workshop-1-git.html').data.description))![0];
    expect(table).not.toMatch(/\n\s*\n|\n {4}/);
  });

  it('imports the fixture without an error, every warning with its line', () => {
    expect(plan.issues.filter((found) => found.level === 'error')).toEqual([]);
    for (const warning of plan.issues.filter((found) => found.level === 'warning'))
      expect(warning.line, `${warning.file}: ${warning.message}`).toBeGreaterThan(0);
  });
});
