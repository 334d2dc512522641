/**
 * How the cards of this build were had: drawn, or read from the cards' folder (card-cache.ts). On
 * globalThis because the pages run in a bundle of their own and the integration that reports the
 * counts (integration.ts) holds another copy of this module.
 */
export interface CardCounts {
  drawn: number;
  read: number;
  /** Why a drawn card could not be kept (the first failure), for the build's log. */
  unkept?: string | undefined;
}

const COUNTS = Symbol.for('clermontech.social-cards');

export function cardCounts(): CardCounts {
  const holder = globalThis as { [COUNTS]?: CardCounts };
  holder[COUNTS] ??= { drawn: 0, read: 0 };
  return holder[COUNTS];
}
