import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { cardCounts } from './card-counts.ts';

/**
 * Gives the pages the cards' folder (card-cache.ts): `social-cards/` in the encoded images' folder,
 * as the image service is configured (site/astro.config.ts, or the bench's own), so both have one
 * lifetime. It reaches the pages as a constant of their code rather than through `astro:assets`,
 * whose module carries the build's output folder and would make every build's cards look changed to
 * Astro's incremental build. After the build, one line says how many cards were drawn and how many
 * were read from the folder: what a cold build cost, and what the tests count.
 */
export function socialCardsIntegration(): AstroIntegration {
  return {
    name: 'clermontech:social-cards',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        const imageCacheDir: unknown = config.image.service.config.imageCacheDir;
        if (typeof imageCacheDir !== 'string') return;
        updateConfig({
          vite: { define: { __SOCIAL_CARD_CACHE_DIR__: JSON.stringify(join(imageCacheDir, 'social-cards')) } },
        });
      },
      // The publisher's builds run one after another in one process (publisher/warm-builder.ts): each counts its own.
      'astro:build:start': () => {
        Object.assign(cardCounts(), { drawn: 0, read: 0, unkept: undefined });
      },
      'astro:build:done': ({ logger }) => {
        const { drawn, read, unkept } = cardCounts();
        if (drawn + read > 0) logger.info(`cartes de partage : ${drawn} dessinées, ${read} lues dans le cache`);
        if (unkept) logger.warn(`cartes de partage non conservées pour les prochaines constructions : ${unkept}`);
      },
    },
  };
}
