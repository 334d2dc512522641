import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENUM_LABELS } from '../../../cms/src/admin/french/enum-labels.ts';
import { urlProblem } from '../../../cms/src/url-fields/check-url.ts';
import { safeUrl } from '../../../site/src/lib/safe-url.ts';
import { repoRoot } from '../../helpers/cms.ts';

/** Every enumeration of every content type and component, as `type.field` and its values. */
function enumerations(): { where: string; values: string[] }[] {
  const files = [
    ...readdirSync(join(repoRoot, 'cms/src/api')).map((type) =>
      join(repoRoot, 'cms/src/api', type, 'content-types', type, 'schema.json'),
    ),
    ...readdirSync(join(repoRoot, 'cms/src/components/shared')).map((name) =>
      join(repoRoot, 'cms/src/components/shared', name),
    ),
  ].filter((file) => {
    try {
      readFileSync(file);
      return true;
    } catch {
      return false;
    }
  });
  return files.flatMap((file) => {
    const schema = JSON.parse(readFileSync(file, 'utf8')) as {
      attributes: Record<string, { type: string; enum?: string[] }>;
    };
    return Object.entries(schema.attributes).flatMap(([field, attribute]) =>
      attribute.type === 'enumeration'
        ? [{ where: `${file.split('/').at(-2)}.${field}`, values: attribute.enum ?? [] }]
        : [],
    );
  });
}

describe('the admin’s French labels', () => {
  const found = enumerations();

  it('finds the enumerations (event kind, talk language…)', () => {
    expect(found.map(({ where }) => where)).toEqual(
      expect.arrayContaining(['event.kind', 'talk.language', 'sponsor.tier']),
    );
  });

  it.each(found)('gives every value of $where a human label', ({ values }) => {
    for (const value of values) expect(ENUM_LABELS[value], value).toMatch(/^\p{Lu}/u);
  });

  it('reads api-hour as « API Hour » and fr as « Français »', () => {
    expect(ENUM_LABELS['api-hour']).toBe('API Hour');
    expect(ENUM_LABELS.fr).toBe('Français');
  });
});

describe('a link checked when saved', () => {
  const good = [
    'https://mobilizon.fr/events/abc',
    'http://example.org',
    'https://www.youtube.com/watch?v=x&t=42',
    'mailto:bureau@clermontech.org',
    '  https://example.org/x  ',
    '/proposer-un-talk/',
    '',
  ];
  it.each(good)('accepts %j', (value) => expect(urlProblem(value)).toBeUndefined());
  it.each(good.filter(Boolean))('accepts %j, which the site then shows', (value) =>
    expect(safeUrl(value)).toBeDefined(),
  );

  // What volunteers type, and what the site would silently drop.
  const base = 'mobilizon.fr/events/abc';
  const bad = [
    base,
    `www.${base}`,
    `htps://${base}`,
    `https//${base}`,
    `https:/${base}`,
    `https://mobilizon fr/events`,
    'https://mobilizon',
    'javascript:alert(1)',
    'ftp://example.org/slides.pdf',
    '//evil.example/x',
    'mailto:bureau',
    '/proposer-un-talk/\u0007',
  ];
  it.each(bad)('refuses %j with a French reason', (value) => {
    expect(urlProblem(value)).toMatch(/^(elle doit|une adresse|ce n’est pas|le nom de site)/);
  });
});
