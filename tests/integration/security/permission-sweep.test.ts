import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type RunningCms } from '../../helpers/cms.ts';
import { DEMO_COLLECTIONS, type ListResponse } from '../../helpers/content.ts';
import { registeredRoutes, type Route } from '../../helpers/routes.ts';

/** The CMS's own content-API routes (the list the CMS registers, on the test's database). */
async function contentApiRoutes(cms: RunningCms): Promise<Route[]> {
  return (await registeredRoutes(cms)).filter((route) => route.path.startsWith('/api/'));
}

/** The only things anyone may do without an admin session: read published content. */
function isAllowedRead({ method, path }: Route): boolean {
  if (method !== 'GET') return false;
  if (path === '/api/global' || path === '/api/site-version') return true;
  return DEMO_COLLECTIONS.some(
    ({ path: collection }) => path === `/api/${collection}` || path === `/api/${collection}/:id`,
  );
}

/**
 * Registrations' public doors (issue 24), each checked by itself: without a valid form or signed
 * token they store nothing and show nothing. The token links send a browser to the site's
 * "lien invalide" page; availability says only how many places are left, of an event taking
 * registrations on the site (the others: 404).
 */
const REGISTRATION_DOORS: Record<string, (status: number, location: string | null) => boolean> = {
  'POST /api/registrations': (status) => status === 400,
  'GET /api/registrations/confirm': (status, location) =>
    status === 303 && Boolean(location?.endsWith('/inscription/lien-invalide/')),
  'GET /api/registrations/cancel': (status, location) =>
    status === 303 && Boolean(location?.endsWith('/inscription/lien-invalide/')),
  'POST /api/registrations/cancel': (status, location) =>
    status === 303 && Boolean(location?.endsWith('/inscription/lien-invalide/')),
  'GET /api/events/:id/availability': (status) => status === 200 || status === 404,
};

describe('permission sweep over every content-API route', () => {
  let cms: RunningCms;
  let routes: Route[];
  const documentIds = new Map<string, string>();

  beforeAll(async () => {
    cms = await startCms();
    routes = await contentApiRoutes(cms);
    for (const { path } of DEMO_COLLECTIONS) {
      const body = (await (await cms.fetch(`/api/${path}`)).json()) as ListResponse;
      documentIds.set(path, body.data[0]!.documentId);
    }
  });
  afterAll(async () => {
    await cms?.destroy();
  });

  const concretePath = (path: string) => {
    const collection = /^\/api\/([^/]+)/.exec(path)?.[1] ?? '';
    return path
      .replace(':id', documentIds.get(collection) ?? '1')
      .replace(':uid', 'api::event.event')
      .replace(/:(provider|role|sessionId)/, (_match, name: string) => (name === 'provider' ? 'github' : '1'))
      .replace('(.*)', 'github');
  };

  const counts = async () => {
    const result: Record<string, number> = {};
    for (const { path } of DEMO_COLLECTIONS)
      result[path] = ((await (await cms.fetch(`/api/${path}`)).json()) as ListResponse).meta.pagination.total;
    return result;
  };

  it('finds the routes in the CMS itself', () => {
    expect(routes.length).toBeGreaterThan(60);
    expect(routes).toContainEqual({ method: 'DELETE', path: '/api/events/:id' });
    expect(routes).toContainEqual({ method: 'GET', path: '/api/users' });
    for (const door of Object.keys(REGISTRATION_DOORS)) {
      const [method, path] = door.split(' ') as [string, string];
      expect(routes).toContainEqual({ method, path });
    }
  });

  it.each([
    ['the public role', () => ({})],
    ['the site’s read-only token', () => ({ authorization: `Bearer ${cms.env.CMS_TOKEN}` })],
  ])('as %s: reads published content, everything else refused', async (_who, headers) => {
    const before = await counts();
    const failures: string[] = [];
    for (const route of routes) {
      const response = await cms.fetch(concretePath(route.path), {
        method: route.method,
        redirect: 'manual',
        headers: { 'content-type': 'application/json', ...headers() },
        body:
          route.method === 'GET' || route.method === 'DELETE'
            ? undefined
            : JSON.stringify({ data: { title: 'pirate', name: 'pirate', password: 'x' } }),
      });
      await response.arrayBuffer();
      const refused = response.status >= 400 && response.status < 500;
      const door = REGISTRATION_DOORS[`${route.method} ${route.path}`];
      const expected = door
        ? door(response.status, response.headers.get('location'))
        : isAllowedRead(route)
          ? response.status === 200
          : refused;
      if (!expected) failures.push(`${route.method} ${route.path} → ${response.status}`);
    }
    expect(failures).toEqual([]);
    expect(await counts()).toEqual(before);
    console.info(`permission sweep: ${routes.length} routes tried`);
  });
});
