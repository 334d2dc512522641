import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_TYPES } from '@clermontech/config';
import { startCms, type RunningCms } from '../../helpers/cms.ts';
import { databases } from '../../helpers/postgres.ts';
import { customAdminRoutes, registeredRoutes, type Route } from '../../helpers/routes.ts';

/** Strapi's plugins that answer under /api/ (users-permissions, upload, i18n…): their errors are Strapi's own. */
const PLUGIN_API_SEGMENTS = new Set([
  'upload',
  'users-permissions',
  'auth',
  'users',
  'roles',
  'connect',
  'i18n',
  'content-releases',
  'content-type-builder',
  'email',
]);

/**
 * Our routes that never answer an error body, by design: the signed links of registration e-mails send
 * a browser to the site's "lien invalide" page (303), and the site's content version is public.
 */
const NEVER_REFUSING = ['GET /api/registrations/confirm', 'GET /api/registrations/cancel', 'GET /api/site-version'];

/** A content type's generated routes (`/api/events`, `/api/events/:id`), written by Strapi's core controllers. */
function isGeneratedRoute({ path }: Route): boolean {
  return Object.keys(CONTENT_TYPES).some((name) => path === `/api/${name}` || path === `/api/${name}/:id`);
}

const isContentApi = ({ path }: Route) =>
  path.startsWith('/api/') && !PLUGIN_API_SEGMENTS.has(path.split('/')[2] ?? '');

/**
 * The routes whose answers this project writes or guards: its admin routes and every content-API route
 * (our own doors, and the generated ones our middlewares and custom controllers stand in front of).
 */
function ourRoutes(routes: Route[]): Route[] {
  return [...customAdminRoutes(routes), ...routes.filter(isContentApi)];
}

const concrete = (path: string) =>
  path.replace(/:(\w+)/g, (_match, name: string) => (name === 'uid' ? 'api::event.event' : `inconnu-${name}`));

interface Answer {
  request: string;
  status: number;
  body: unknown;
}

/** Whether `body` is Strapi's error body for `status`: `{ data: null, error: { status, name, message, details } }`. */
function isErrorBody(body: unknown, status: number): boolean {
  if (typeof body !== 'object' || body === null || !('data' in body) || !('error' in body) || body.data !== null)
    return false;
  const { error } = body;
  if (typeof error !== 'object' || error === null) return false;
  const fields = error as Record<string, unknown>;
  return (
    fields.status === status &&
    typeof fields.name === 'string' &&
    /Error$/.test(fields.name) &&
    typeof fields.message === 'string' &&
    fields.message.length > 0 &&
    typeof fields.details === 'object' &&
    fields.details !== null &&
    Object.keys(fields).sort().join() === 'details,message,name,status'
  );
}

/**
 * Every error the CMS answers has one body shape, Strapi's. The list of requests is generated from the
 * routes the CMS registers: each of our routes, anonymous and as the super admin, with a body that is
 * wrong for all of them; each content-API route with a multipart body (the multipart guard) and, for
 * reads, a request for drafts (the published-only guard); the public doors again until their rate limit
 * (set to 1 here) answers 429.
 */
describe.each(databases)('one error body shape for every error the CMS answers (%s)', (database) => {
  let cms: RunningCms;
  let routes: Route[];
  let ours: Route[];
  const answers: Answer[] = [];

  const send = async (route: Route, path: string, init: RequestInit & { headers: Record<string, string> }) => {
    const response = await cms.fetch(path, { ...init, method: route.method, redirect: 'manual' });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON: kept as text, which the shape check refuses.
    }
    answers.push({
      request: `${route.method} ${path}${init.headers.authorization ? ' (admin)' : ''}${init.headers['content-type']?.startsWith('multipart') ? ' (multipart)' : ''}`,
      status: response.status,
      body,
    });
  };

  beforeAll(async () => {
    cms = await startCms({
      database,
      env: { AUTH_RATE_LIMIT_MAX: '1', PROPOSAL_RATE_LIMIT_MAX: '1', REGISTRATION_RATE_LIMIT_MAX: '1' },
    });
    const admin = await cms.adminToken();
    routes = await registeredRoutes(cms);
    ours = ourRoutes(routes);
    const wrongJson = JSON.stringify({
      data: { title: 42 },
      inFavour: 'peut-être',
      present: 'oui',
      eventDocumentId: 'inconnu',
    });
    for (const route of ours) {
      const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : wrongJson;
      const identities: Record<string, string>[] = [{}, { authorization: `Bearer ${admin}` }];
      for (const auth of identities) {
        for (let attempt = 0; attempt < (route.method === 'POST' ? 3 : 1); attempt++) {
          await send(route, concrete(route.path), { body, headers: { 'content-type': 'application/json', ...auth } });
        }
      }
    }
    const multipart = new FormData();
    multipart.set('files', new Blob(['not an image'], { type: 'text/plain' }), 'note.txt');
    for (const route of routes.filter((route) => isContentApi(route) && route.method === 'POST')) {
      const request = new Request('http://cms/', { method: 'POST', body: multipart });
      await send(route, concrete(route.path), {
        body: await request.arrayBuffer(),
        headers: { 'content-type': request.headers.get('content-type') ?? '' },
      });
    }
    for (const route of routes.filter((route) => route.method === 'GET' && isGeneratedRoute(route))) {
      await send(route, `${concrete(route.path)}?status=draft`, { headers: {} });
    }
  }, 300_000);

  afterAll(async () => {
    await cms?.destroy();
  });

  it('finds our routes among the CMS’s own', () => {
    const names = ours.map(({ method, path }) => `${method} ${path}`);
    for (const expected of [
      'POST /evenings/:documentId/publish',
      'GET /site-public/status',
      'POST /api/registrations',
      'GET /api/preview/:type/:documentId',
    ]) {
      expect(names).toContainEqual(expected);
    }
  });

  it('answers every refusal of every route with Strapi’s error body', () => {
    const errors = answers.filter(({ status }) => status >= 400);
    const wrong = errors
      .filter(({ status, body }) => !isErrorBody(body, status))
      .map(({ request, status, body }) => `${request} → ${status} ${JSON.stringify(body).slice(0, 200)}`);
    expect(wrong).toEqual([]);
    // The guards each answered at least once: a check that saw none of them would prove nothing.
    for (const status of [400, 401, 403, 404, 415, 429])
      expect(errors.map((answer) => answer.status)).toContain(status);
  });

  it('has each of our own routes refuse something, so its error path was checked', () => {
    const refusing = new Set(
      answers.filter(({ status }) => status >= 400).map(({ request }) => request.split(' ').slice(0, 2).join(' ')),
    );
    const own = ours.filter(
      (route) => !isGeneratedRoute(route) && !NEVER_REFUSING.includes(`${route.method} ${route.path}`),
    );
    const silent = own
      .filter((route) => !refusing.has(`${route.method} ${concrete(route.path)}`))
      .map(({ method, path }) => `${method} ${path}`);
    expect(silent).toEqual([]);
  });
});
