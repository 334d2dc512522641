import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Font } from 'satori';

const require = createRequire(import.meta.url);

/** The site's display face, as satori reads it: WOFF (it cannot read WOFF2), Latin and Latin Extended. */
const FACES = [
  { weight: 400, subset: 'latin' },
  { weight: 400, subset: 'latin-ext' },
  { weight: 600, subset: 'latin' },
  { weight: 600, subset: 'latin-ext' },
] as const;

let fonts: Promise<Font[]> | undefined;

/** Oswald from @fontsource/oswald, read once per build. */
export function cardFonts(): Promise<Font[]> {
  fonts ??= Promise.all(
    FACES.map(async ({ weight, subset }) => ({
      name: 'Oswald',
      weight,
      style: 'normal' as const,
      data: await readFile(require.resolve(`@fontsource/oswald/files/oswald-${subset}-${weight}-normal.woff`)),
    })),
  );
  return fonts;
}
