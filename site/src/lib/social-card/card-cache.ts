/**
 * Drawn social cards, kept by what they are drawn from across builds, cold ones included, in the
 * folder of the encoded images (src/images/cached-sharp-service.ts): same lifetime, and deleting it
 * only costs time. Astro's incremental cache keeps a card only while its own cache folder lives,
 * so without this every cold build (a new publisher, a deleted cache) draws every card again.
 *
 * An entry's name is the hash of everything the picture depends on: the card's fields, the logo as
 * drawn, the fonts' bytes, the source of the drawing code (render.ts, card.ts) and the versions of
 * satori and sharp. Hashing the source rather than carrying a design version to bump means a change
 * of the card's look can never be served stale because someone forgot the bump; an edited comment
 * only costs one round of drawing. Each entry starts with the SHA-256 of the PNG after it, so a
 * truncated or damaged file is drawn again rather than served.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import sharp from 'sharp';
import type { SocialCard } from './card.ts';
import { cardCounts } from './card-counts.ts';
import cardSource from './card.ts?raw';
import { cardFonts } from './fonts.ts';
import type { CardLogo } from './logo.ts';
import renderSource from './render.ts?raw';

const DIGEST_LENGTH = 32;

declare const __SOCIAL_CARD_CACHE_DIR__: string | undefined;

/** The cards' folder (integration.ts), or nothing in a build without the image cache: cards are then drawn every time. */
export const SOCIAL_CARD_CACHE_DIR: string | undefined =
  typeof __SOCIAL_CARD_CACHE_DIR__ === 'string' ? __SOCIAL_CARD_CACHE_DIR__ : undefined;

/** What every card of this checkout is drawn with: the code, the fonts, the libraries. */
let drawing: Promise<string> | undefined;
function drawingKey(): Promise<string> {
  drawing ??= (async () => {
    const hash = createHash('sha256').update(renderSource).update('\0').update(cardSource);
    for (const font of await cardFonts()) hash.update('\0').update(new Uint8Array(font.data));
    const satori = createRequire(import.meta.url)('satori/package.json') as { version: string };
    return hash.update(`\0${satori.version}\0${sharp.versions.sharp}\0${sharp.versions.vips}`).digest('base64url');
  })();
  return drawing;
}

/** The name of a card's entry: the same name is always the same picture. */
export async function cardCacheKey(card: SocialCard, logo: CardLogo | undefined): Promise<string> {
  return createHash('sha256')
    .update(await drawingKey())
    .update('\0')
    .update(JSON.stringify([card, logo ?? null]))
    .digest('base64url');
}

/** The entry's PNG, or nothing when it is missing or does not match its digest. */
function readEntry(file: string): Buffer | undefined {
  let entry: Buffer;
  try {
    entry = readFileSync(file);
  } catch {
    return undefined;
  }
  const png = entry.subarray(DIGEST_LENGTH);
  const digest = createHash('sha256').update(png).digest();
  return entry.length > DIGEST_LENGTH && digest.equals(entry.subarray(0, DIGEST_LENGTH)) ? png : undefined;
}

/**
 * The card's PNG from `dir` when an intact entry is there; otherwise `draw()`'s, then kept (written
 * whole, then renamed into place, so builds sharing the folder never read half an entry). A folder
 * that cannot be written to costs the next build a drawing, not this one its card.
 */
export async function cachedCard(
  dir: string,
  card: SocialCard,
  logo: CardLogo | undefined,
  draw: () => Promise<Buffer>,
): Promise<Buffer> {
  const file = join(dir, await cardCacheKey(card, logo));
  const kept = readEntry(file);
  if (kept) {
    cardCounts().read += 1;
    return kept;
  }
  const png = await draw();
  cardCounts().drawn += 1;
  try {
    mkdirSync(dir, { recursive: true });
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.concat([createHash('sha256').update(png).digest(), png]));
    renameSync(partial, file);
  } catch (error) {
    cardCounts().unkept ??= `${dir} : ${(error as Error).message}`;
  }
  return png;
}
