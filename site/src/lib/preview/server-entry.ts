/**
 * The release's server entry (`_server/entry.mjs`): the publisher calls `render` for /_preview/* only.
 * Preview pages are the public pages, plus what marks them as drafts: noindex and the banner.
 */
import { createApp } from 'astro/app/entrypoint';
import { markAsPreview } from './mark.ts';

const app = createApp();

export async function render(request: Request): Promise<Response> {
  const response = await app.render(request);
  if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(markAsPreview(await response.text()), { status: response.status, headers });
}
