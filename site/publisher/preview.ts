import { DRAFT_PAGE_PREFIX } from '@clermontech/config/contract';
import { existsSync, lstatSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { oneLine } from './errors.ts';
import { PREVIEW_IMAGE_PATH, type PreviewImage, type PreviewImageGrants } from './preview-images.ts';
import type { ReleaseStore } from './release-store.ts';
import { securityHeaders } from './security-headers.ts';

/** Paths rendered on demand by the release's server code instead of served from its files (the contract's draft pages). */
export const PREVIEW_PREFIX = DRAFT_PAGE_PREFIX;

/** Where a release keeps that server code (site/astro.config.ts); static-files.ts never serves it. */
export const SERVER_DIR = '_server';
export const SERVER_ENTRY = join(SERVER_DIR, 'entry.mjs');

type Render = (request: Request) => Promise<Response>;

/**
 * A release's server code imports the site's dependencies by name; releases may live anywhere
 * (PUBLISHER_RELEASES_DIR), so the releases folder gets a link to the installed ones, where Node
 * looks for them from every release. Releases themselves stay plain folders.
 */
function linkDependencies(releasesRoot: string): void {
  const link = join(releasesRoot, 'node_modules');
  if (lstatSync(link, { throwIfNoEntry: false })) return;
  const installed = dirname(dirname(createRequire(import.meta.url).resolve('astro/package.json')));
  symlinkSync(installed, link, 'dir');
}

export interface PreviewOptions {
  store: ReleaseStore;
  /** The CMS's public URL: the admin shows previews in an iframe, so only its origin may frame them. */
  cmsUrl: string;
  /** Signs the image links of rendered pages and checks them on the image endpoint. */
  images: PreviewImageGrants;
  log?: (line: string) => void;
}

const text = (status: number, body: string, headers: Record<string, string>) =>
  new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers } });

/**
 * Drafts' previews: /_preview/* is handed to the current release's server entry, which checks the
 * preview token with the CMS and renders the draft with the site's own pages. Nothing here is cached
 * or indexed; only the CMS's admin may show it in a frame.
 */
export function createPreview({ store, cmsUrl, images, log }: PreviewOptions): Render {
  linkDependencies(store.root);
  // Each release's entry is imported once, when it is first asked for a preview; a release never changes.
  const entries = new Map<string, Promise<Render>>();
  const load = (id: string, dir: string): Promise<Render> => {
    let entry = entries.get(id);
    if (!entry) {
      entry = import(pathToFileURL(join(dir, SERVER_ENTRY)).href).then((module: { render: Render }) => module.render);
      entries.set(id, entry);
    }
    return entry;
  };
  const headers = {
    ...securityHeaders({ frameAncestors: new URL(cmsUrl).origin }),
    'cache-control': 'no-store',
    'x-robots-tag': 'noindex',
  };

  const render = async (request: Request): Promise<Response> => {
    const release = store.current();
    if (!release || !existsSync(join(release.dir, SERVER_ENTRY)))
      return text(503, 'L’aperçu sera disponible dans un instant, dès que le site aura été construit.', {
        ...headers,
        'retry-after': '5',
      });
    try {
      const render = await load(release.id, release.dir);
      return await render(new Request(request.url, { method: 'GET', headers: request.headers }));
    } catch (error) {
      log?.(`publisher: preview ${new URL(request.url).pathname} failed: ${oneLine(error)}`);
      return text(502, 'L’aperçu n’a pas pu être affiché (le CMS répond-il ?). Réessayez dans un instant.', headers);
    }
  };

  /**
   * An image of a preview page, resized by the release's server: only through a link that page was
   * given (preview-images.ts), never as SVG (it would run as a document on the site's origin).
   */
  const image = async (request: Request, url: URL): Promise<Response> => {
    if (!images.verify(url)) return text(401, 'Lien d’image d’aperçu absent ou expiré : rouvrez l’aperçu.', headers);
    if (url.searchParams.get('f')?.toLowerCase() === 'svg')
      return text(415, 'Les aperçus ne servent pas de SVG.', headers);
    const image = images.cached(url) ?? (await renderImage(request, url));
    if (image instanceof Response) return image;
    return new Response(request.method === 'HEAD' ? null : image.body, {
      status: 200,
      headers: { ...headers, 'content-type': image.type },
    });
  };

  const renderImage = async (request: Request, url: URL): Promise<Response | PreviewImage> => {
    const response = await render(request);
    const type = response.headers.get('content-type') ?? '';
    if (response.status !== 200)
      return new Response(response.body, {
        status: response.status,
        headers: { ...headers, 'content-type': type || 'text/plain' },
      });
    if (!type.startsWith('image/') || type.includes('svg'))
      return text(415, 'Les aperçus ne servent pas de SVG.', headers);
    const result = { body: new Uint8Array(await response.arrayBuffer()), type };
    images.remember(url, result);
    return result;
  };

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return text(405, 'Method not allowed', { ...headers, allow: 'GET, HEAD' });
    const url = new URL(request.url);
    if (url.pathname === PREVIEW_IMAGE_PATH) return image(request, url);
    const response = await render(request);
    const merged = new Headers(response.headers);
    merged.delete('x-frame-options');
    for (const [name, value] of Object.entries(headers)) merged.set(name, value);
    if (request.method === 'HEAD') return new Response(null, { status: response.status, headers: merged });
    if (response.status === 200 && merged.get('content-type')?.startsWith('text/html')) {
      merged.delete('content-length');
      return new Response(images.signPage(await response.text()), { status: 200, headers: merged });
    }
    return new Response(response.body, { status: response.status, headers: merged });
  };
}
