/**
 * The release's server entry (`_server/entry.mjs`): the publisher calls `render` for /_preview/* only.
 * Preview pages are the public pages, plus what marks them as drafts: noindex and the banner.
 */
import { createApp } from 'astro/app/entrypoint';
import { markAsPreview, MISSING_FIELDS_HEADER, missingFieldsFrom } from './mark.ts';

const app = createApp();

export async function render(request: Request): Promise<Response> {
  const response = await app.render(request);
  if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  headers.delete(MISSING_FIELDS_HEADER);
  return new Response(markAsPreview(await response.text(), missingFieldsFrom(response.headers)), {
    status: response.status,
    headers,
  });
}
