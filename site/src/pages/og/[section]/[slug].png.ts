import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { imageConfig } from 'astro:assets';
import { getCatalog } from '../../../lib/content.ts';
import {
  eventSocialCard,
  postSocialCard,
  socialCardKey,
  talkSocialCard,
  type SocialCard,
} from '../../../lib/social-card/card.ts';
import { cachedCard } from '../../../lib/social-card/card-cache.ts';
import { cardLogo } from '../../../lib/social-card/logo.ts';
import { renderSocialCard } from '../../../lib/social-card/render.ts';

// The social card of every event, talk and post (og:image of their pages, BaseLayout), drawn at
// build time and kept by the incremental build while its fields and the logo stay the same, and
// across cold builds beside the encoded images (lib/social-card/card-cache.ts).
export const getStaticPaths = (async () => {
  const catalog = await getCatalog();
  const logoUrl = catalog.global?.logo?.url;
  const cards = [
    ...catalog.events.map(eventSocialCard),
    ...catalog.talks.map(talkSocialCard),
    ...catalog.posts.map(postSocialCard),
  ];
  return cards.map((card) => ({
    params: { section: card.section, slug: card.slug },
    props: { card },
    cacheKey: socialCardKey(card, logoUrl),
  }));
}) satisfies GetStaticPaths;

/** The cards' folder, inside the encoded images' one (site/astro.config.ts), when the image service has one. */
const imageCacheDir: unknown = imageConfig.service.config.imageCacheDir;
const CARD_CACHE_DIR = typeof imageCacheDir === 'string' ? join(imageCacheDir, 'social-cards') : undefined;

export const GET: APIRoute = async ({ props }) => {
  const { global } = await getCatalog();
  const logo = global?.logo?.mime.startsWith('image/') ? await cardLogo(global.logo) : undefined;
  const { card } = props as { card: SocialCard };
  const png = CARD_CACHE_DIR
    ? await cachedCard(CARD_CACHE_DIR, card, logo, () => renderSocialCard(card, logo))
    : await renderSocialCard(card, logo);
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
