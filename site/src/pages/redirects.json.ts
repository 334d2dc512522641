import type { APIRoute } from 'astro';
import { getCatalog } from '../lib/content.ts';
import { legacyRedirects } from '../lib/legacy.ts';

/**
 * Every old URL and its new path, for the publisher, which answers them with a 301
 * (site/publisher/legacy-redirects.ts); the meta-refresh pages ([...legacy].ts) serve static hosting.
 */
export const GET: APIRoute = async () => {
  const redirects = legacyRedirects(await getCatalog());
  return new Response(JSON.stringify(Object.fromEntries(redirects.map(({ from, to }) => [from, to])), null, 1), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
