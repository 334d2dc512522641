import { PUBLISHER_PATHS, PUBLISHER_PREFIX } from '@clermontech/config/contract';
import { HttpError } from './errors.ts';
import { LegacyRedirects } from './legacy-redirects.ts';
import { PREVIEW_PREFIX } from './preview.ts';
import { ConfirmRemovalRequestSchema, confirmRemoval, readRemovalState } from './removal-confirmation.ts';
import { publicStatus, type PublisherStatus } from './publisher.ts';
import type { Release, ReleaseStore } from './release-store.ts';
import { HSTS, securityHeaders } from './security-headers.ts';
import { encodeFor, isHashedAsset, readStatic, resolveFile } from './static-files.ts';
import { isAuthorized } from './webhook-auth.ts';

export interface AppDependencies {
  store: ReleaseStore;
  token: string;
  status: () => PublisherStatus;
  /** A change was signalled: a webhook, or the admin's "Republier" button (`force`: build even if nothing changed). */
  onChange: (reason: string, force: boolean) => void;
  /** Renders /_preview/* (drafts, see preview.ts); without it those paths are plain files, hence 404. */
  preview?: (request: Request) => Promise<Response>;
  /** The CMS's public origin, where the talk-proposal form posts (allowed by the pages' CSP). */
  cmsOrigin?: string;
  /** The site is served over HTTPS (SITE_URL): every answer tells browsers to keep to it. */
  https?: boolean;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });

const errorResponse = (error: HttpError) => json(error.status, { error: error.message });

/**
 * The publisher's HTTP app as a plain function, callable in-process: the site's files from the
 * current release, plus the webhook and status endpoints under /_publisher/.
 */
export function createApp(deps: AppDependencies): (request: Request) => Promise<Response> {
  const signal = (request: Request, reason: string, force = false) => {
    if (request.method !== 'POST') throw new HttpError(405, 'POST only');
    if (!isAuthorized(request.headers.get('authorization'), deps.token))
      throw new HttpError(401, 'missing or wrong bearer token');
    // The payload is only a signal: whatever it says, the whole site is rebuilt from the CMS.
    deps.onChange(reason, force);
    return json(202, { accepted: true });
  };

  /** An Editor confirmed, from the admin, the large removal the last build was refused for: build it once. */
  const confirmLargeRemoval = async (request: Request) => {
    if (request.method !== 'POST') throw new HttpError(405, 'POST only');
    if (!isAuthorized(request.headers.get('authorization'), deps.token))
      throw new HttpError(401, 'missing or wrong bearer token');
    const body = ConfirmRemovalRequestSchema.safeParse(await request.json().catch(() => undefined));
    if (!body.success) throw new HttpError(400, 'expected {"by": "<who confirms>"}');
    if (!confirmRemoval(deps.store.root, body.data.by)) throw new HttpError(409, 'no refused removal to confirm');
    deps.onChange(`large removal confirmed by ${body.data.by}`, true);
    return json(202, { accepted: true });
  };

  const routes: Record<string, (request: Request) => Response | Promise<Response>> = {
    [PUBLISHER_PATHS.webhook]: (request) => signal(request, 'webhook'),
    [PUBLISHER_PATHS.rebuild]: (request) => signal(request, 'rebuild asked from the admin', true),
    [PUBLISHER_PATHS.confirmRemoval]: confirmLargeRemoval,
    // Anyone may see whether the site is live and building; build details (errors, timings) need the token.
    [PUBLISHER_PATHS.status]: (request) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') throw new HttpError(405, 'GET only');
      const authorization = request.headers.get('authorization');
      if (authorization === null) return json(200, publicStatus(deps.status()));
      if (!isAuthorized(authorization, deps.token)) throw new HttpError(401, 'missing or wrong bearer token');
      return json(200, { ...deps.status(), removal: readRemovalState(deps.store.root) });
    },
  };
  const redirects = new LegacyRedirects();

  const handle = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    try {
      const route = routes[url.pathname];
      if (route) return await route(request);
      if (url.pathname.startsWith(PUBLISHER_PREFIX)) throw new HttpError(404, 'not found');
      if (deps.preview && url.pathname.startsWith(PREVIEW_PREFIX)) return await deps.preview(request);
      return serveSite(deps.store, request, url, { cmsOrigin: deps.cmsOrigin, redirects });
    } catch (error) {
      if (error instanceof HttpError) return errorResponse(error);
      throw error;
    }
  };
  if (!deps.https) return handle;
  return async (request) => {
    const response = await handle(request);
    const headers = new Headers(response.headers);
    headers.set('strict-transport-security', HSTS);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}

/** An old URL of the Jekyll site: a 301 to its new page, keeping the query. */
function legacyRedirect(release: Release, url: URL, redirects: LegacyRedirects): Response | undefined {
  const target = redirects.target(release, url.pathname);
  if (!target) return undefined;
  return new Response(null, {
    status: 301,
    headers: {
      location: new URL(`${target}${url.search}`, url.origin).href,
      'cache-control': 'public, max-age=3600',
      ...securityHeaders(),
    },
  });
}

function serveSite(
  store: ReleaseStore,
  request: Request,
  url: URL,
  { cmsOrigin, redirects }: { cmsOrigin: string | undefined; redirects: LegacyRedirects },
): Response {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response('Method not allowed', { status: 405, headers: { allow: 'GET, HEAD', ...securityHeaders() } });
  }
  // Resolved once: the whole response comes from this release even if a swap happens meanwhile.
  const release = store.current();
  if (!release) {
    return new Response('Le site est en cours de construction. Revenez dans un instant.', {
      status: 503,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '5', 'cache-control': 'no-store' },
    });
  }
  const moved = legacyRedirect(release, url, redirects);
  if (moved) return moved;
  let status = 200;
  let path = resolveFile(release.dir, url.pathname) ?? olderAsset(store, release.id, url.pathname);
  if (!path) {
    status = 404;
    path = resolveFile(release.dir, '/404.html');
    if (!path) return new Response('Page introuvable', { status: 404, headers: securityHeaders() });
  }
  const file = readStatic(path);
  const headers: Record<string, string> = {
    'content-type': file.type,
    etag: file.etag,
    'cache-control': file.immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate',
    vary: 'Accept-Encoding',
    ...securityHeaders({ cmsOrigin }),
  };
  if (status === 200 && request.headers.get('if-none-match') === file.etag)
    return new Response(null, { status: 304, headers });
  const { body, encoding } = encodeFor(path, request.headers.get('accept-encoding'));
  if (encoding) headers['content-encoding'] = encoding;
  headers['content-length'] = String(body.length);
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status, headers });
}

/**
 * A page from the previous release may still ask for its hashed assets after a swap (a search
 * started before it asks for the old index's chunks): they are immutable, so the older release's
 * copy is exactly the right bytes.
 */
function olderAsset(store: ReleaseStore, currentId: string, urlPath: string): string | undefined {
  if (!isHashedAsset(urlPath)) return undefined;
  for (const id of store.list().reverse()) {
    if (id === currentId) continue;
    const path = resolveFile(store.dirOf(id), urlPath);
    if (path) return path;
  }
  return undefined;
}
