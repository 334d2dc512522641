import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeArchive } from '../../../backup/src/archive.ts';
import type { Manifest } from '../../../backup/src/manifest.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, repoRoot, startCms, type RunningCms } from '../../helpers/cms.ts';
import {
  createAdminUser,
  createDraft,
  DEMO_COLLECTIONS,
  findBySlug,
  publishChange,
  updateDraft,
} from '../../helpers/content.ts';
import { databases } from '../../helpers/postgres.ts';
import { databaseFingerprint, gradientPng, runScript, wipeDatabase } from './ops.ts';

const EDITOR_EMAIL = 'editrice@clermontech.test';
const EDITOR_PASSWORD = 'Editrice-Passw0rd!';
const ARCHIVE_NAME = /^clermontech-\d{8}T\d{6}Z\.tar\.gz$/;
/** Every CMS of the repository shares it (Strapi's local upload provider has no per-instance folder). */
const UPLOADS = join(repoRoot, 'cms', 'public', 'uploads');

interface UploadedFile {
  id: number;
  url: string;
  formats: Record<string, { url: string }> | null;
}

/** Everything a restore must bring back, read through the CMS's APIs. */
async function observe(cms: RunningCms) {
  const authorization = `Bearer ${await cms.adminToken()}`;
  const json = async (path: string, headers: Record<string, string> = {}) => {
    const response = await cms.fetch(path, { headers });
    expect(response.status, path).toBe(200);
    return (await response.json()) as unknown;
  };
  const observed: Record<string, unknown> = {};
  for (const { path } of DEMO_COLLECTIONS)
    observed[path] = await json(`/api/${path}?populate=*&sort=id&pagination[pageSize]=100`);
  observed.global = await json('/api/global?populate=*');
  observed.media = await json('/upload/files?pageSize=100&sort=id:ASC', { authorization });
  observed.adminUsers = await json('/admin/users?pageSize=100&sort=id:ASC', { authorization });
  observed.apiTokens = await json('/admin/api-tokens', { authorization });
  return observed;
}

describe.each(databases)('backup and restore (%s)', (database) => {
  let cms: RunningCms;
  let outDir: string;
  let archive: string;
  let uploaded: UploadedFile;
  let apiToken: string;
  /** URL path → bytes served before the backup. */
  const served = new Map<string, Buffer>();
  let before: Record<string, unknown>;
  /** Names of the uploads in the archive. */
  let archived: string[] = [];
  /** The database as the restore into the empty installation left it, before the CMS started on it. */
  let restored: string;
  /** What this test put into the shared uploads folder, removed at the end. */
  const leftovers = new Set<string>();

  const mediaUrls = () => [uploaded.url, ...Object.values(uploaded.formats ?? {}).map(({ url }) => url)];
  const removeUploadedFiles = () => {
    for (const url of mediaUrls()) rmSync(join(repoRoot, 'cms', 'public', url), { force: true });
  };
  const withToken = (path: string, token: string) => cms.fetch(path, { headers: { authorization: `Bearer ${token}` } });
  const login = async (email: string, password: string) =>
    (
      await cms.fetch('/admin/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      })
    ).status;

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'clermontech-backups-'));
    cms = await startCms({ database });
    const token = await cms.adminToken();
    const authorization = `Bearer ${token}`;

    const form = new FormData();
    form.append(
      'files',
      new Blob([new Uint8Array(gradientPng(320, 200))], { type: 'image/png' }),
      `backup-test-${database}.png`,
    );
    const upload = await cms.fetch('/upload', { method: 'POST', headers: { authorization }, body: form });
    expect(upload.status, await upload.clone().text()).toBe(201);
    [uploaded] = (await upload.json()) as [UploadedFile];
    const speaker = await findBySlug(cms.url, 'speakers', 'camille-roche');
    await publishChange(cms.url, token, 'api::speaker.speaker', speaker.documentId, { photo: uploaded.id });
    expect(mediaUrls().length, 'the original and its thumbnail').toBeGreaterThanOrEqual(2);
    for (const url of mediaUrls()) served.set(url, Buffer.from(await (await cms.fetch(url)).arrayBuffer()));

    await createAdminUser(cms.url, token, 'Editor', EDITOR_EMAIL, EDITOR_PASSWORD);
    const created = await cms.fetch('/admin/api-tokens', {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Sauvegarde (test)', type: 'read-only', lifespan: null }),
    });
    expect(created.status).toBe(201);
    apiToken = ((await created.json()) as { data: { accessKey: string } }).data.accessKey;
    expect((await withToken('/api/events', apiToken)).status).toBe(200);

    before = await observe(cms);
    // What the comparison after the restore covers, beyond the demo content.
    expect(JSON.stringify(before.speakers)).toContain(uploaded.url);
    expect(JSON.stringify(before.adminUsers)).toContain(EDITOR_EMAIL);
    expect(JSON.stringify(before.apiTokens)).toContain('Sauvegarde (test)');
  });

  afterAll(async () => {
    if (uploaded) removeUploadedFiles();
    for (const name of leftovers) rmSync(join(UPLOADS, name), { force: true });
    await cms?.destroy();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('writes one timestamped archive while the CMS runs and writes, with a manifest of every file', async () => {
    // A volunteer keeps saving a draft during the backup: no save may fail. Drafts are not in what `observe` compares.
    const token = await cms.adminToken();
    const draft = await createDraft(cms.url, token, 'api::post.post', {
      title: 'Brouillon pendant la sauvegarde',
      slug: `brouillon-${database}`,
    });
    let saves = 0;
    let backingUp = true;
    const saving = (async () => {
      while (backingUp) {
        await updateDraft(cms.url, token, 'api::post.post', draft.documentId, { title: `Brouillon ${++saves}` });
      }
    })();
    const result = await runScript(cms, 'backup.ts', ['--out', outDir]).finally(() => (backingUp = false));
    await saving;
    expect(saves).toBeGreaterThan(0);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const archives = readdirSync(outDir);
    expect(archives).toEqual([expect.stringMatching(ARCHIVE_NAME)]);
    archive = join(outDir, archives[0]!);
    expect(result.stdout).toContain(archive);
    expect((await cms.fetch('/_health')).status).toBe(204);

    // A plain tar.gz: GNU tar reads it.
    const manifest = JSON.parse(execFileSync('tar', ['-xOzf', archive, 'manifest.json'], { encoding: 'utf8' })) as {
      database: { client: string };
      strapiVersion: string;
      files: { path: string; sha256: string }[];
    };
    expect(manifest.database.client).toBe(database);
    archived = manifest.files
      .filter(({ path }) => path.startsWith('uploads/'))
      .map(({ path }) => path.slice('uploads/'.length));
    expect(manifest.strapiVersion).toMatch(/^5\./);
    for (const url of mediaUrls()) {
      const bytes = readFileSync(join(repoRoot, 'cms', 'public', url));
      const entry = manifest.files.find(({ path }) => `/${path}` === url);
      expect(entry?.sha256, url).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });

  it('restores into an empty installation: same content, media, admin logins and API tokens', async () => {
    await cms.stop();
    await wipeDatabase(cms);
    removeUploadedFiles();
    // Another installation's upload: a restore adds files, it never deletes any.
    const foreign = `backup-test-foreign-${database}-${process.pid}.txt`;
    leftovers.add(foreign);
    writeFileSync(join(UPLOADS, foreign), 'not from the archive');
    // Files another test deleted since the backup come back too: remove them again at the end.
    for (const name of archived) if (!existsSync(join(UPLOADS, name))) leftovers.add(name);

    const result = await runScript(cms, 'restore.ts', [archive]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(readFileSync(join(UPLOADS, foreign), 'utf8')).toBe('not from the archive');
    if (database === 'sqlite')
      expect(statSync(cms.env.DATABASE_FILENAME!).mode & 0o777, 'the restored database file').toBe(0o600);
    restored = await databaseFingerprint(cms);

    // Neither demo seeding nor the first-admin bootstrap may stand in for what the restore brought back.
    await cms.restart({ SEED_DEMO: 'false', CMS_ADMIN_EMAIL: '', CMS_ADMIN_PASSWORD: '' });
    expect(await observe(cms)).toEqual(before);
    for (const [url, bytes] of served)
      expect(Buffer.from(await (await cms.fetch(url)).arrayBuffer()).equals(bytes), url).toBe(true);

    expect(await login(ADMIN_EMAIL, ADMIN_PASSWORD)).toBe(200);
    expect(await login(EDITOR_EMAIL, EDITOR_PASSWORD)).toBe(200);
    expect(await login(EDITOR_EMAIL, 'Not-The-Passw0rd!')).toBe(400);
    expect((await withToken('/api/events', cms.env.CMS_TOKEN!)).status).toBe(200);
    expect((await withToken('/api/events', apiToken)).status).toBe(200);
    // New rows get new ids: the sequences came back with the rows.
    await createDraft(cms.url, await cms.adminToken(), 'api::venue.venue', {
      name: 'Après la restauration',
      slug: `apres-${database}`,
    });
  });

  it('refuses bad input in one line on stderr and leaves the database untouched', async () => {
    const refuse = async (args: string[], problem: RegExp) => {
      const result = await runScript(cms, 'restore.ts', args);
      expect(result.code, result.stdout).not.toBe(0);
      expect(result.stderr).toMatch(/^[^\n]+\n$/);
      expect(result.stderr).toMatch(problem);
    };

    await refuse([archive, '--force'], /CMS is running.*stop it/);
    await cms.stop();
    const untouched = await databaseFingerprint(cms);

    const bytes = readFileSync(archive);
    const truncated = join(outDir, 'truncated.tar.gz');
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const damaged = join(outDir, 'damaged.tar.gz');
    const flipped = Buffer.from(bytes);
    const middle = Math.floor(bytes.length / 2);
    flipped[middle] = flipped[middle]! ^ 0xff;
    writeFileSync(damaged, flipped);
    /** The archive unpacked, changed by `change`, repacked by GNU tar; `reseal` updates the manifest to match. */
    const repack = (name: string, change: (dir: string) => void, { reseal = false } = {}) => {
      const unpacked = mkdtempSync(join(tmpdir(), 'clermontech-repack-'));
      execFileSync('tar', ['-xzf', archive, '-C', unpacked]);
      change(unpacked);
      if (reseal) {
        const manifestFile = join(unpacked, 'manifest.json');
        const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
          files: { path: string; size: number; sha256: string }[];
        };
        for (const entry of manifest.files) {
          const content = readFileSync(join(unpacked, entry.path));
          Object.assign(entry, { size: content.length, sha256: createHash('sha256').update(content).digest('hex') });
        }
        writeFileSync(manifestFile, JSON.stringify(manifest));
      }
      const repacked = join(outDir, name);
      execFileSync('tar', ['-czf', repacked, '-C', unpacked, '.']);
      rmSync(unpacked, { recursive: true });
      return repacked;
    };
    // Well-formed, but an upload no longer matches its checksum.
    const tampered = repack('tampered.tar.gz', (dir) => writeFileSync(join(dir, uploaded.url), 'not the image'));
    // Checksums right, but the database does not restore: SQLite's header is gone, the SQL ends in an error.
    const unrestorable = repack(
      'unrestorable.tar.gz',
      (dir) => {
        if (database === 'sqlite') writeFileSync(join(dir, 'database.sqlite'), 'not SQLite anymore', { flag: 'r+' });
        else writeFileSync(join(dir, 'database.sql'), '\nSELECT * FROM no_such_table;\n', { flag: 'a' });
      },
      { reseal: true },
    );

    await refuse([join(outDir, 'missing.tar.gz')], /^No such archive: .*missing\.tar\.gz/);
    await refuse([truncated], /^Corrupt archive .*truncated\.tar\.gz: .*truncated/);
    await refuse([damaged], /^Corrupt archive .*damaged\.tar\.gz/);
    await refuse(
      [tampered],
      new RegExp(`^Corrupt archive .*tampered\\.tar\\.gz: ${uploaded.url.slice(1)} does not match its checksum`),
    );
    await refuse([archive], /is not empty.*--force/);
    // Even with --force, which empties the database first: the uploads it had put back are taken out again.
    removeUploadedFiles();
    await refuse(
      [unrestorable, '--force'],
      database === 'sqlite'
        ? /its database is not a readable SQLite file/
        : /^Restoring the PostgreSQL dump failed, the database is unchanged: .*no_such_table/,
    );
    for (const url of mediaUrls()) expect(existsSync(join(repoRoot, 'cms', 'public', url)), url).toBe(false);
    expect(await databaseFingerprint(cms)).toBe(untouched);
  });

  it('replaces a non-empty database with --force: exactly what a restore into an empty one gives', async () => {
    expect(await databaseFingerprint(cms), 'changed since the restore (a venue was created)').not.toBe(restored);
    const result = await runScript(cms, 'restore.ts', [archive, '--force']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(await databaseFingerprint(cms)).toBe(restored);
  });

  it('refuses uploads that clash, with each other or with the installation, in one line, changing nothing', async () => {
    const untouched = await databaseFingerprint(cms);
    const unpacked = mkdtempSync(join(tmpdir(), 'clermontech-clash-'));
    const tag = `${database}-${process.pid}`;
    /** Names this test creates in the shared uploads folder. */
    const created = [`clash-folder-${tag}.png`, `clash-file-${tag}`];
    try {
      execFileSync('tar', ['-xzf', archive, '-C', unpacked]);
      const { files: _files, ...header } = JSON.parse(
        readFileSync(join(unpacked, 'manifest.json'), 'utf8'),
      ) as Manifest;
      const dump = header.database.path;
      const image = join(unpacked, uploaded.url);
      // The first upload would be put back before the clash is met: it must not be.
      const crafted = async (name: string, uploads: string[]) => {
        const target = join(outDir, name);
        const sources = [dump, `uploads/aa-first-${tag}.png`, ...uploads].map((path) => ({
          path,
          file: path === dump ? join(unpacked, dump) : image,
        }));
        await writeArchive(target, sources, header);
        return target;
      };
      mkdirSync(join(UPLOADS, created[0]!));
      writeFileSync(join(UPLOADS, created[0]!, 'inside.txt'), 'a folder of the installation');
      writeFileSync(join(UPLOADS, created[1]!), 'a file of the installation');

      const cases = [
        [
          await crafted('clash-inside.tar.gz', [`uploads/clash-${tag}`, `uploads/clash-${tag}/b.png`]),
          `uploads/clash-${tag} is both a file and a folder`,
        ],
        [
          await crafted('clash-folder.tar.gz', [`uploads/${created[0]}`]),
          `Cannot restore uploads/${created[0]}: ${join(UPLOADS, created[0]!)} is a folder`,
        ],
        [
          await crafted('clash-file.tar.gz', [`uploads/${created[1]}/b.png`]),
          `Cannot restore uploads/${created[1]}/b.png: ${join(UPLOADS, created[1]!)} is a file, not a folder`,
        ],
      ] as const;
      for (const [crafted, problem] of cases) {
        const result = await runScript(cms, 'restore.ts', [crafted, '--force']);
        expect(result.code, result.stdout).not.toBe(0);
        expect(result.stderr).toMatch(/^[^\n]+\n$/);
        expect(result.stderr).toContain(problem);
        expect(existsSync(join(UPLOADS, `aa-first-${tag}.png`)), crafted).toBe(false);
        expect(existsSync(join(UPLOADS, `clash-${tag}`)), crafted).toBe(false);
      }
      expect(readFileSync(join(UPLOADS, created[0]!, 'inside.txt'), 'utf8')).toBe('a folder of the installation');
      expect(readFileSync(join(UPLOADS, created[1]!), 'utf8')).toBe('a file of the installation');
      expect(await databaseFingerprint(cms)).toBe(untouched);
    } finally {
      rmSync(unpacked, { recursive: true, force: true });
      for (const name of [...created, `aa-first-${tag}.png`, `clash-${tag}`])
        rmSync(join(UPLOADS, name), { recursive: true, force: true });
    }
  });
});
