import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog } from '../../../lib/content.ts';
import {
  eventSocialCard,
  postSocialCard,
  socialCardKey,
  talkSocialCard,
  type SocialCard,
} from '../../../lib/social-card/card.ts';
import { cachedCard, SOCIAL_CARD_CACHE_DIR } from '../../../lib/social-card/card-cache.ts';
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

export const GET: APIRoute = async ({ props }) => {
  const { global } = await getCatalog();
  const logo = global?.logo?.mime.startsWith('image/') ? await cardLogo(global.logo) : undefined;
  const { card } = props as { card: SocialCard };
  const png = SOCIAL_CARD_CACHE_DIR
    ? await cachedCard(SOCIAL_CARD_CACHE_DIR, card, logo, () => renderSocialCard(card, logo))
    : await renderSocialCard(card, logo);
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
