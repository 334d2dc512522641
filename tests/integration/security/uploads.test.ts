import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type RunningCms } from '../../helpers/cms.ts';
import { SCRIPT_HTML as HTML, SCRIPT_SVG as SVG, tinyPng } from '../../helpers/uploads.ts';

describe('uploads', () => {
  let cms: RunningCms;
  beforeAll(async () => {
    cms = await startCms({ seedDemo: false, env: { UPLOAD_MAX_MB: '1' } });
  });
  afterAll(async () => {
    await cms?.destroy();
  });

  const upload = async (name: string, type: string, content: Buffer | string) => {
    const form = new FormData();
    form.append('files', new Blob([typeof content === 'string' ? content : new Uint8Array(content)], { type }), name);
    const response = await cms.fetch('/upload', {
      method: 'POST',
      headers: { authorization: `Bearer ${await cms.adminToken()}` },
      body: form,
    });
    return { status: response.status, body: await response.text() };
  };

  it('accepts a photo', async () => {
    const { status, body } = await upload('photo.png', 'image/png', tinyPng());
    expect(status, body).toBe(201);
  });

  it.each([
    ['a script-bearing SVG', 'logo.svg', 'image/svg+xml', SVG],
    ['an SVG disguised as PNG', 'logo.png', 'image/png', SVG],
    ['an HTML page', 'page.html', 'text/html', HTML],
    ['HTML disguised as a JPEG', 'photo.jpg', 'image/jpeg', HTML],
    ['a shell script', 'run.sh', 'application/x-sh', '#!/bin/sh\nrm -rf /\n'],
  ])('refuses %s', async (_what, name, type, content) => {
    const { status } = await upload(name, type, content);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
  });

  it('refuses a file over the size limit', async () => {
    const big = Buffer.concat([tinyPng(), Buffer.alloc(2 * 1024 * 1024)]);
    const { status } = await upload('huge.png', 'image/png', big);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
  });

  it.each(['photo\u0000.png', '../../../../etc/cron.d/evil.png', '..\\..\\windows.png', 'a/b/c.png'])(
    'handles the file name %j without crashing or escaping',
    async (name) => {
      const { status, body } = await upload(name, 'image/png', tinyPng());
      expect(status).toBeLessThan(500);
      if (status === 201) {
        const [file] = JSON.parse(body) as { url: string }[];
        expect(file!.url).toMatch(/^\/uploads\/[^/]+$/);
      }
    },
  );

  it('is still up afterwards', async () => {
    expect((await cms.fetch('/_health')).status).toBe(204);
    const files = await cms.fetch('/upload/files', { headers: { authorization: `Bearer ${await cms.adminToken()}` } });
    const list = (await files.json()) as { results: { ext: string; mime: string }[] };
    expect(list.results.every((file) => file.mime.startsWith('image/') && !file.mime.includes('svg'))).toBe(true);
  });
});
