import sharp from 'sharp';
import type { Media } from '../strapi/schemas.ts';

/** Height of the logo on the card, in the card's pixels; its width follows its proportions. */
export const LOGO_HEIGHT = 112;
/** A wide logo stops at this width rather than pushing the label off the card. */
const MAX_WIDTH = 360;

/** The logo as the card draws it: a PNG data: URL at twice its size on the card, and that width. */
export interface CardLogo {
  src: string;
  width: number;
}

const loaded = new Map<string, Promise<CardLogo>>();

/**
 * The association's logo (the site settings' `logo`), downloaded from the CMS once per build and
 * reduced for the cards. Its URL names one version of the file (lib/strapi/media.ts), so it is
 * also what the cards' cache keys carry. A logo that cannot be read fails the build with its URL:
 * cards without it would be kept by the incremental build as if they were right.
 */
export function cardLogo(media: Media): Promise<CardLogo> {
  let logo = loaded.get(media.url);
  if (!logo) {
    logo = (async () => {
      const response = await fetch(media.url);
      if (!response.ok)
        throw new Error(`Logo des cartes de partage illisible : ${media.url} a répondu ${response.status}`);
      const { data, info } = await sharp(Buffer.from(await response.arrayBuffer()))
        .resize({ height: LOGO_HEIGHT * 2, width: MAX_WIDTH * 2, fit: 'inside' })
        .png()
        .toBuffer({ resolveWithObject: true });
      return { src: `data:image/png;base64,${data.toString('base64')}`, width: Math.round(info.width / 2) };
    })();
    loaded.set(media.url, logo);
  }
  return logo;
}
