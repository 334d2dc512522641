import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type RunningCms } from '../../helpers/cms.ts';
import { adminLogin, createAdminUser } from '../../helpers/content.ts';
import { databases } from '../../helpers/postgres.ts';
import {
  fileForm,
  PNG_SIGNATURE,
  SCRIPT_HTML,
  SCRIPT_SVG,
  storedFilesNamed,
  tinyPng,
  uniqueMarker,
  uploadsDir,
} from '../../helpers/uploads.ts';

interface StoredFile {
  id: number;
  name: string;
  hash: string;
  ext: string;
  mime: string;
  url: string;
}

/** Every route of Strapi 5.54 that takes a file: new files, and replacing the file `id`. */
const ROUTES: { route: string; path: (id: number) => string; replaces: boolean }[] = [
  { route: 'POST /upload', path: () => '/upload', replaces: false },
  { route: 'POST /UPLOAD/ (another spelling)', path: () => '/UPLOAD/', replaces: false },
  { route: 'POST /upload/files', path: () => '/upload/files', replaces: false },
  { route: 'POST /upload?id= (replace)', path: (id) => `/upload?id=${id}`, replaces: true },
  { route: 'POST /upload/files/:id/replace', path: (id) => `/upload/files/${id}/replace`, replaces: true },
];

const PAYLOADS = [
  { what: 'a script-bearing SVG named .png', ext: '.png', type: 'image/png', content: SCRIPT_SVG, accepted: false },
  { what: 'HTML named .jpg', ext: '.jpg', type: 'image/jpeg', content: SCRIPT_HTML, accepted: false },
  { what: 'a real PNG', ext: '.png', type: 'image/png', content: tinyPng(), accepted: true },
];

const ROLES = ['Author', 'Super Admin'] as const;

const CASES = ROUTES.flatMap((route) =>
  ROLES.flatMap((role) => PAYLOADS.map((payload) => ({ ...route, role, ...payload }))),
);

describe.each(databases)('every upload route checks what it stores (%s)', (database) => {
  let cms: RunningCms;
  const tokens = new Map<(typeof ROLES)[number], string>();

  beforeAll(async () => {
    cms = await startCms({ database, seedDemo: false });
    tokens.set('Super Admin', await cms.adminToken());
    await createAdminUser(cms.url, await cms.adminToken(), 'Author', 'author@uploads.test', 'Author-Passw0rd!');
    tokens.set('Author', await adminLogin(cms.url, 'author@uploads.test', 'Author-Passw0rd!'));
  });
  afterAll(async () => {
    await cms?.destroy();
  });

  const auth = (role: (typeof ROLES)[number]) => ({ authorization: `Bearer ${tokens.get(role)!}` });

  const library = async (): Promise<StoredFile[]> => {
    const response = await cms.fetch('/upload/files?page=1&pageSize=1000', { headers: auth('Super Admin') });
    expect(response.status).toBe(200);
    return ((await response.json()) as { results: StoredFile[] }).results;
  };

  /** A PNG the role owns, to be replaced. */
  const target = async (role: (typeof ROLES)[number]): Promise<StoredFile> => {
    const response = await cms.fetch('/upload', {
      method: 'POST',
      headers: auth(role),
      body: fileForm(`${uniqueMarker()}.png`, 'image/png', tinyPng()),
    });
    expect(response.status, await response.clone().text()).toBe(201);
    return ((await response.json()) as StoredFile[])[0]!;
  };

  it.each(CASES)('$route, as $role, with $what', async ({ path, replaces, role, ext, type, content, accepted }) => {
    const marker = uniqueMarker();
    const original = replaces ? await target(role) : undefined;
    const originalBytes = original && readFileSync(join(uploadsDir, `${original.hash}${original.ext}`));
    const response = await cms.fetch(path(original?.id ?? 0), {
      method: 'POST',
      headers: auth(role),
      body: fileForm(`${marker}${ext}`, type, content),
    });
    const body = await response.text();
    const named = (await library()).filter((file) => file.name.includes(marker));

    if (accepted) {
      expect(response.status, body).toBeLessThan(300);
      expect(named, body).toHaveLength(1);
      const [stored] = named;
      expect(stored!.mime).toBe('image/png');
      expect(readFileSync(join(uploadsDir, `${stored!.hash}${stored!.ext}`)).subarray(0, 8)).toEqual(PNG_SIGNATURE);
      return;
    }
    expect(response.status, body).toBeGreaterThanOrEqual(400);
    expect(response.status, body).toBeLessThan(500);
    expect(named).toEqual([]);
    expect(storedFilesNamed(marker)).toEqual([]);
    if (original) {
      const [after] = (await library()).filter((file) => file.id === original.id);
      expect(after).toMatchObject({ name: original.name, mime: 'image/png', url: original.url });
      expect(readFileSync(join(uploadsDir, `${original.hash}${original.ext}`)).equals(originalBytes!)).toBe(true);
    }
  });

  it.each(['/api/upload', '/api/upload?id=1'])('the site token cannot upload through %s', async (path) => {
    const marker = uniqueMarker();
    const before = (await library()).length;
    const response = await cms.fetch(path, {
      method: 'POST',
      headers: { authorization: `Bearer ${cms.env.CMS_TOKEN!}` },
      body: fileForm(`${marker}.png`, 'image/png', tinyPng()),
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(await library()).toHaveLength(before);
    expect(storedFilesNamed(marker)).toEqual([]);
  });
});
