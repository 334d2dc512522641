import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type RunningCms } from '../../helpers/cms.ts';
import { PATH_SPELLINGS } from '../../helpers/path-spellings.ts';

const SITE_URL = 'https://www.clermontech.example';

/** Admin routes a script on the site would want: sign-in, the session cookie's token exchange, content, media, roles. */
const ADMIN_ROUTES: { method: string; literal: string[] }[] = [
  { method: 'POST', literal: ['admin', 'login'] },
  { method: 'POST', literal: ['admin', 'renew-token'] },
  { method: 'POST', literal: ['admin', 'access-token'] },
  { method: 'GET', literal: ['admin', 'users', 'me'] },
  { method: 'POST', literal: ['admin', 'api-tokens'] },
  { method: 'GET', literal: ['content-manager', 'collection-types', 'api::event.event'] },
  { method: 'POST', literal: ['upload'] },
  { method: 'GET', literal: ['users-permissions', 'roles'] },
  { method: 'POST', literal: ['site-public', 'rebuild'] },
];

/** Every admin route in every spelling, with the method a script would use. */
const ADMIN_CASES = ADMIN_ROUTES.flatMap(({ method, literal }) =>
  PATH_SPELLINGS.map((spelling) => ({ method, path: spelling.spell(literal, []), spelling: spelling.name })),
);

describe('CORS: the site may read the public API, never use the admin', () => {
  let cms: RunningCms;
  beforeAll(async () => {
    cms = await startCms({ env: { SITE_URL } });
  });
  afterAll(async () => {
    await cms?.destroy();
  });

  const preflight = (path: string, method: string, origin = SITE_URL) =>
    cms.fetch(path, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': 'content-type' },
    });

  it('answers the site on the public API, without credentials', async () => {
    const read = await cms.fetch('/api/events', { headers: { origin: SITE_URL } });
    expect(read.status).toBe(200);
    expect(read.headers.get('access-control-allow-origin')).toBe(SITE_URL);
    expect(read.headers.get('access-control-allow-credentials')).toBeNull();

    const before = await preflight('/api/events', 'GET');
    expect(before.headers.get('access-control-allow-origin')).toBe(SITE_URL);
    expect(before.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('lets the proposal form post as JSON from the site', async () => {
    const before = await preflight('/api/proposals', 'POST');
    expect(before.status).toBe(204);
    expect(before.headers.get('access-control-allow-origin')).toBe(SITE_URL);
    expect(before.headers.get('access-control-allow-methods')).toContain('POST');
    expect(before.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type');
    expect(before.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('answers no other origin', async () => {
    const read = await cms.fetch('/api/events', { headers: { origin: 'https://evil.example' } });
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
    const before = await preflight('/api/proposals', 'POST', 'https://evil.example');
    expect(before.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('does not open a method the public API lacks (no preflight pass for DELETE on a document)', async () => {
    const before = await preflight('/api/events/anything', 'DELETE');
    expect(before.headers.get('access-control-allow-origin')).toBeNull();
  });

  it.each(ADMIN_CASES)('gives the site no CORS on $method $path ($spelling)', async ({ method, path }) => {
    const before = await preflight(path, method);
    expect(before.headers.get('access-control-allow-origin'), 'preflight').toBeNull();
    expect(before.headers.get('access-control-allow-credentials'), 'preflight').toBeNull();

    const actual = await cms.fetch(path, {
      method,
      headers: { origin: SITE_URL, 'content-type': 'application/json' },
      ...(method === 'GET' ? {} : { body: '{}' }),
    });
    expect(actual.headers.get('access-control-allow-origin'), 'request').toBeNull();
    expect(actual.headers.get('access-control-allow-credentials'), 'request').toBeNull();
  });
});
