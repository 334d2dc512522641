import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type RunningCms } from '../../helpers/cms.ts';

const SITE_URL = 'https://www.clermontech.example';

describe('the CMS in production mode', () => {
  let cms: RunningCms;
  beforeAll(async () => {
    cms = await startCms({ env: { NODE_ENV: 'production', SITE_URL, SEED_DEMO: 'true' } });
  });
  afterAll(async () => {
    await cms?.destroy();
  });

  const asAdmin = async (path: string, init: RequestInit = {}) =>
    cms.fetch(path, {
      ...init,
      headers: {
        authorization: `Bearer ${await cms.adminToken()}`,
        'content-type': 'application/json',
        ...init.headers,
      },
    });

  it('refuses to change the content model (Content-Type Builder is read-only)', async () => {
    const response = await asAdmin('/content-type-builder/content-types', {
      method: 'POST',
      body: JSON.stringify({
        contentType: {
          displayName: 'Pirate',
          singularName: 'pirate',
          pluralName: 'pirates',
          kind: 'collectionType',
          attributes: { name: { type: 'string' } },
        },
      }),
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect((await cms.fetch('/api/pirates')).status).toBe(404);
  });

  it('has remote data transfer off', async () => {
    const response = await asAdmin('/admin/transfer/tokens', {
      method: 'POST',
      body: JSON.stringify({ name: 'exfiltration', permissions: ['pull'], lifespan: null }),
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    const tokens = await asAdmin('/admin/transfer/tokens');
    expect(tokens.status).toBeGreaterThanOrEqual(400);
  });

  it('allows cross-origin reads from the site only', async () => {
    const fromSite = await cms.fetch('/api/events', { headers: { origin: SITE_URL } });
    expect(fromSite.headers.get('access-control-allow-origin')).toBe(SITE_URL);
    const fromElsewhere = await cms.fetch('/api/events', { headers: { origin: 'https://evil.example' } });
    expect(fromElsewhere.headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
    expect(fromElsewhere.headers.get('access-control-allow-origin')).not.toBe('*');
  });

  it('still serves the published content', async () => {
    const response = await cms.fetch('/api/events');
    expect(response.status).toBe(200);
  });
});
