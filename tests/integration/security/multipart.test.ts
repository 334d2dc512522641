import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type RunningCms } from '../../helpers/cms.ts';
import { adminLogin, createAdminUser } from '../../helpers/content.ts';
import { databases } from '../../helpers/postgres.ts';
import { entriesUnder, fileForm, SCRIPT_HTML, SCRIPT_SVG, tinyPng } from '../../helpers/uploads.ts';

/** Half a megabyte: enough that a parser writes it to disk, small enough for many requests. */
const PAYLOAD = Buffer.concat([tinyPng(), Buffer.alloc(512 * 1024)]);

/**
 * Multipart bodies fill the temporary folder before any route runs. The CMS runs with a temporary
 * folder of its own, so every file its body parser leaves there is counted.
 */
describe.each(databases)('multipart bodies leave no file behind (%s)', (database) => {
  let cms: RunningCms;
  let tempDir: string;
  let authorToken: string;

  beforeAll(async () => {
    tempDir = mkdtempSync(join(tmpdir(), 'clermontech-cms-tmp-'));
    cms = await startCms({ database, seedDemo: false, env: { TMPDIR: tempDir, UPLOAD_MAX_MB: '1' } });
    await createAdminUser(cms.url, await cms.adminToken(), 'Author', 'author@multipart.test', 'Author-Passw0rd!');
    authorToken = await adminLogin(cms.url, 'author@multipart.test', 'Author-Passw0rd!');
  });
  afterAll(async () => {
    await cms?.destroy();
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  });

  const post = async (path: string, form: FormData, token?: string) => {
    const response = await cms.fetch(path, {
      method: 'POST',
      headers: token ? { authorization: `Bearer ${token}` } : {},
      body: form,
    });
    return { status: response.status, body: await response.text() };
  };

  it.each([
    ['/api/events', 415],
    ['/API/proposals', 415],
    ['/api//proposals/', 415],
    ['/api/upload', 415],
    ['/api/upload?id=1', 415],
    ['/admin/login', 415],
    ['/content-manager/collection-types/api::event.event', 415],
    ['/nowhere', 415],
    ['/upload', 401],
    ['/Upload/', 401],
    ['/UPLOAD/files', 401],
    ['/upload/files/1/replace', 401],
    ['/upload?id=1', 401],
  ])('anonymous multipart POST %s is refused with %i, writing nothing', async (path, expected) => {
    const before = entriesUnder(tempDir).length;
    for (const field of ['files', 'attachment']) {
      const { status, body } = await post(path, fileForm('photo.png', 'image/png', PAYLOAD, field));
      expect(status, body).toBe(expected);
    }
    expect(entriesUnder(tempDir)).toHaveLength(before);
  });

  it('refuses a forged admin token before reading the body', async () => {
    const before = entriesUnder(tempDir).length;
    const { status } = await post('/upload', fileForm('photo.png', 'image/png', PAYLOAD), 'not.a.token');
    expect(status).toBe(401);
    expect(entriesUnder(tempDir)).toHaveLength(before);
  });

  it.each([
    ['a script-bearing SVG', '/upload', fileForm('logo.svg', 'image/svg+xml', SCRIPT_SVG)],
    ['HTML named .jpg', '/upload/files', fileForm('photo.jpg', 'image/jpeg', SCRIPT_HTML)],
    [
      'a file over UPLOAD_MAX_MB',
      '/upload',
      fileForm('huge.png', 'image/png', Buffer.concat([tinyPng(), Buffer.alloc(2 * 1024 * 1024)])),
    ],
    ['a file under a field the route ignores', '/upload', fileForm('photo.png', 'image/png', PAYLOAD, 'attachment')],
  ])('an admin upload refused for %s leaves nothing in the temp folder', async (_what, path, form) => {
    const before = entriesUnder(tempDir).length;
    const { status, body } = await post(path, form, await cms.adminToken());
    expect(status, body).toBeGreaterThanOrEqual(400);
    expect(status, body).toBeLessThan(500);
    expect(entriesUnder(tempDir)).toHaveLength(before);
  });

  it('an accepted upload, by an Author, leaves nothing in the temp folder either', async () => {
    const before = entriesUnder(tempDir).length;
    const { status, body } = await post('/upload', fileForm('photo.png', 'image/png', tinyPng()), authorToken);
    expect(status, body).toBe(201);
    expect(entriesUnder(tempDir)).toHaveLength(before);
  });
});
