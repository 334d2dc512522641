import { existsSync, globSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { SEARCH_BUNDLES, searchBundleDir, type SearchBundle } from '../src/lib/search-bundles.ts';

const SEARCH_BODY = 'data-pagefind-body';

/**
 * Pagefind indexes a whole page when none of the pages it reads is marked data-pagefind-body, so a
 * bundle whose kind has no page yet (no post published) must not read the list pages its globs
 * also match (/api-hours/2/): it is written empty instead.
 */
function hasMarkedPage(siteDir: string, bundle: SearchBundle): boolean {
  return globSync([...bundle.pages], { cwd: siteDir }).some((file) =>
    readFileSync(join(siteDir, file), 'utf8').includes(SEARCH_BODY),
  );
}

/** The pages a written bundle holds: Pagefind writes one fragment per page. */
function pagesIn(bundleDir: string): number {
  const fragments = join(bundleDir, 'fragment');
  return existsSync(fragments) ? readdirSync(fragments).length : 0;
}

/** Writes one bundle; a fresh Pagefind process for each, so each one's memory is returned on close. */
async function writeBundle(siteDir: string, outputDir: string, bundle: SearchBundle): Promise<number> {
  const bundleDir = join(outputDir, searchBundleDir(bundle));
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'fr' });
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    if (hasMarkedPage(siteDir, bundle)) {
      for (const glob of bundle.pages) {
        const added = await index.addDirectory({ path: siteDir, glob });
        if (added.errors.length > 0)
          throw new Error(`Pagefind indexing failed (${bundle.name}): ${added.errors.join('; ')}`);
      }
    }
    const written = await index.writeFiles({ outputPath: bundleDir });
    if (written.errors.length > 0)
      throw new Error(`Pagefind could not write (${bundle.name}): ${written.errors.join('; ')}`);
    return pagesIn(bundleDir);
  } finally {
    await pagefind.close();
  }
}

/**
 * Indexes the pages under `siteDir` marked data-pagefind-body (talks, speakers, events, posts) with
 * Pagefind, one bundle per kind (src/lib/search-bundles.ts), and writes the bundles and Pagefind's UI
 * into `outputDir`. Returns the pages indexed in each bundle; throws with Pagefind's own words.
 */
export async function writeSearchIndex(siteDir: string, outputDir: string): Promise<Record<string, number>> {
  const pages: Record<string, number> = {};
  for (const bundle of SEARCH_BUNDLES) pages[bundle.name] = await writeBundle(siteDir, outputDir, bundle);
  return pages;
}
