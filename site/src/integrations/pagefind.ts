import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

/**
 * Indexes the built site with Pagefind (only elements marked data-pagefind-body: talks,
 * speakers, events and posts) and writes the index and its UI into dist/pagefind/.
 */
export function pagefindIntegration(): AstroIntegration {
  return {
    name: 'clermontech:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outputPath = fileURLToPath(new URL('pagefind/', dir));
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'fr' });
        try {
          if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
          const added = await index.addDirectory({ path: fileURLToPath(dir) });
          if (added.errors.length > 0) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
          const written = await index.writeFiles({ outputPath });
          if (written.errors.length > 0) throw new Error(`Pagefind could not write: ${written.errors.join('; ')}`);
          logger.info(`search index written (${added.page_count} HTML files scanned)`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
