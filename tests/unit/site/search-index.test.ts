import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSearchIndex } from '../../../site/publisher/pagefind-index.ts';
import { writeFiles } from '../../helpers/releases.ts';
import { indexedText } from '../../helpers/search.ts';

const detail = (title: string) =>
  `<!doctype html><html lang="fr"><head><title>${title}</title></head><body><nav>Menu du site</nav><article data-pagefind-body><h1>${title}</h1></article></body></html>`;
const list = (title: string) =>
  `<!doctype html><html lang="fr"><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`;

describe('search index: one Pagefind bundle per kind of page', () => {
  it('puts each detail page in its bundle, talks at the root, and writes an empty bundle for a kind with no page yet', async () => {
    const site = mkdtempSync(join(tmpdir(), 'search-'));
    writeFiles(site, {
      'index.html': list('Accueil'),
      'talks/index.html': list('Tous les talks'),
      'talks/rust-embarque/index.html': detail('Rust embarqué'),
      'speakers/camille/index.html': detail('Camille Roche'),
      'groups/php/symfony-en-douceur/index.html': detail('Symfony en douceur'),
      'api-hours/api-hour-73/index.html': detail('API Hour 73'),
      // A list page the events' globs also match, and a blog with no post: neither is indexed.
      'api-hours/2/index.html': list('Archives des API Hours'),
      'blog/2/index.html': list('Archives du blog'),
    });
    const output = join(site, 'pagefind');

    expect(await writeSearchIndex(site, output)).toEqual({ talks: 1, speakers: 1, events: 2, blog: 0 });

    expect(indexedText(output)).toContain('Rust embarqué');
    expect(indexedText(output)).not.toContain('Camille');
    expect(indexedText(join(output, 'speakers'))).toContain('Camille Roche');
    const events = indexedText(join(output, 'events'));
    expect(events).toContain('Symfony en douceur');
    expect(events).toContain('API Hour 73');
    expect(events).not.toContain('Archives');
    expect(existsSync(join(output, 'blog', 'pagefind-entry.json'))).toBe(true);
    expect(indexedText(join(output, 'blog'))).toBe('');
    // Only what is marked: not the site's menu.
    expect(indexedText(output)).not.toContain('Menu du site');
  });
});
