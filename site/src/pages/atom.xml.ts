import type { APIRoute } from 'astro';
import { SITE_NAME } from '../consts.ts';
import { buildAtomFeed } from '../lib/atom.ts';
import { getCatalog } from '../lib/content.ts';
import { FEED_ID, feedEntries } from '../lib/feed-entries.ts';
import { absoluteUrl } from '../lib/urls.ts';

export const GET: APIRoute = async ({ site }) => {
  const catalog = await getCatalog();
  const siteUrl = site!.href;
  const name = catalog.global?.siteName ?? SITE_NAME;
  const xml = buildAtomFeed({
    id: FEED_ID,
    title: name,
    subtitle: catalog.global?.tagline,
    siteUrl,
    feedUrl: absoluteUrl('/atom.xml', siteUrl),
    author: name,
    language: 'fr',
    entries: feedEntries(catalog, siteUrl),
  });
  return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
