import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSecret, PUBLIC_CONTENT_TYPES } from '@clermontech/config';
import { startCms, type RunningCms } from '../../helpers/cms.ts';

describe('the site’s read-only token (CMS_TOKEN)', () => {
  let cms: RunningCms;
  beforeAll(async () => {
    cms = await startCms();
  });
  afterAll(async () => {
    await cms?.destroy();
  });

  const withToken = (path: string, token: string, init: RequestInit = {}) =>
    cms.fetch(path, { ...init, headers: { ...init.headers, authorization: `Bearer ${token}` } });

  it('reads every published collection', async () => {
    for (const path of PUBLIC_CONTENT_TYPES) {
      expect((await withToken(`/api/${path}`, cms.env.CMS_TOKEN!)).status, path).toBe(200);
    }
  });

  it('reads nothing else and writes nothing', async () => {
    const token = cms.env.CMS_TOKEN!;
    expect((await withToken('/api/users', token)).status).toBe(403);
    expect((await withToken('/api/upload/files', token)).status).toBe(403);
    expect((await withToken('/api/events?status=draft', token)).status).toBe(400);
    const create = await withToken('/api/events', token, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ data: { title: 'x' } }),
    });
    expect(create.status).toBe(403);
  });

  it('refuses a wrong token', async () => {
    expect((await withToken('/api/events', generateSecret('CMS_TOKEN'))).status).toBe(401);
  });

  it('rotates when CMS_TOKEN changes', async () => {
    const oldToken = cms.env.CMS_TOKEN!;
    const newToken = generateSecret('CMS_TOKEN');
    await cms.restart({ CMS_TOKEN: newToken });
    expect((await withToken('/api/events', newToken)).status).toBe(200);
    expect((await withToken('/api/events', oldToken)).status).toBe(401);
  });
});
