import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

/**
 * Set to 1 by the publisher for its builds: it writes the search index itself once the new pages
 * are live (site/publisher/search-index.ts), so a publish doesn't wait for Pagefind.
 */
export const DEFER_SEARCH_INDEX_ENV = 'SITE_DEFER_SEARCH_INDEX';

/**
 * Indexes the HTML under `siteDir` with Pagefind (only elements marked data-pagefind-body: talks,
 * speakers, events and posts) and writes the index and its UI into `outputDir`. Returns the number
 * of HTML files scanned; throws with Pagefind's own words when it fails.
 */
export async function writeSearchIndex(siteDir: string, outputDir: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'fr' });
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: outputDir });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}

/** Writes the search index into dist/pagefind/ after the build, unless the publisher will (`deferred`). */
export function pagefindIntegration({ deferred = false } = {}): AstroIntegration {
  return {
    name: 'clermontech:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (deferred) {
          logger.info('search index left to the publisher, written once the pages are live');
          return;
        }
        const scanned = await writeSearchIndex(fileURLToPath(dir), fileURLToPath(new URL('pagefind/', dir)));
        logger.info(`search index written (${scanned} HTML files scanned)`);
      },
    },
  };
}
