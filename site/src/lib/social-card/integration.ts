import type { AstroIntegration } from 'astro';
import { cardCounts } from './card-counts.ts';

/**
 * One line after the build says how many social cards were drawn and how many were read from the
 * cards' folder (card-cache.ts): what a cold build cost, and what the tests count.
 */
export function socialCardsIntegration(): AstroIntegration {
  return {
    name: 'clermontech:social-cards',
    hooks: {
      'astro:build:done': ({ logger }) => {
        const { drawn, read, unkept } = cardCounts();
        if (drawn + read > 0) logger.info(`cartes de partage : ${drawn} dessinées, ${read} lues dans le cache`);
        if (unkept) logger.warn(`cartes de partage non conservées pour les prochaines constructions : ${unkept}`);
      },
    },
  };
}
