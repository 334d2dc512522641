import type { APIRoute, GetStaticPaths } from 'astro';
import { cacheKeys } from '../lib/cache-keys.ts';
import { getCatalog } from '../lib/content.ts';
import { legacyFile, legacyRedirects, redirectPage, type LegacyRedirect } from '../lib/legacy.ts';

// One HTML file at exactly each old URL, pointing to the new page.
export const getStaticPaths = (async () => {
  const catalog = await getCatalog();
  return legacyRedirects(catalog).map((redirect) => ({
    params: { legacy: legacyFile(redirect.from) },
    props: { redirect },
    cacheKey: cacheKeys.redirect(redirect),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) =>
  new Response(redirectPage((props as { redirect: LegacyRedirect }).redirect, site!.href), {
    headers: { 'content-type': 'text/html; charset=utf-8' },
  });
