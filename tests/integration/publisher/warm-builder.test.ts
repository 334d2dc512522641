import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { siteRoot } from '../../../site/publisher/config.ts';
import { BuildFailed, restoredPageCount } from '../../../site/publisher/build-log.ts';
import { WarmBuilder, type WarmBuilderOptions } from '../../../site/publisher/warm-builder.ts';
import { startCms, type RunningCms } from '../../helpers/cms.ts';
import { findBySlug, publishChange } from '../../helpers/content.ts';
import { freePort } from '../../helpers/ports.ts';
import { waitFor } from '../../helpers/wait.ts';

describe('the warm build process', () => {
  let cms: RunningCms;
  let workDir: string;
  const builders: WarmBuilder[] = [];

  const builder = (options: Partial<WarmBuilderOptions> = {}) => {
    const created = new WarmBuilder({
      siteRoot,
      env: {
        CMS_URL: cms.url,
        CMS_TOKEN: cms.env.CMS_TOKEN!,
        SITE_URL: 'http://127.0.0.1:4321',
        SITE_CACHE_DIR: join(workDir, 'cache'),
      },
      timeoutMs: 120_000,
      ...options,
    });
    builders.push(created);
    return created;
  };
  const post = (outDir: string) => readFileSync(join(outDir, 'blog/bienvenue-sur-le-nouveau-site/index.html'), 'utf8');

  beforeAll(async () => {
    cms = await startCms();
    workDir = mkdtempSync(join(tmpdir(), 'clermontech-warm-'));
  });
  afterEach(() => {
    for (const created of builders.splice(0)) created.stop();
  });
  afterAll(async () => {
    await cms?.destroy();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('builds twice in the same process, and the second build shows what changed in between', async () => {
    const warm = builder();
    const outDir = join(workDir, 'out');
    await warm.build(outDir);
    const pid = warm.processId;
    expect(pid).toBeGreaterThan(0);
    expect(post(outDir)).not.toContain('Un titre pour le process chaud');

    const entry = await findBySlug(cms.url, 'posts', 'bienvenue-sur-le-nouveau-site');
    await publishChange(cms.url, await cms.adminToken(), 'api::post.post', entry.documentId, {
      title: 'Un titre pour le process chaud',
    });
    const log = await warm.build(outDir);
    expect(warm.processId).toBe(pid);
    expect(post(outDir)).toContain('Un titre pour le process chaud');
    expect(log).toContain('Complete!');
  });

  it('builds the pages alone when asked, in the same process, each kind of build keeping its own incremental cache', async () => {
    const warm = builder();
    const full = join(workDir, 'with-server');
    await warm.build(full);
    expect(existsSync(join(full, '_server', 'entry.mjs'))).toBe(true);
    const pid = warm.processId;

    const pagesOnly = join(workDir, 'pages-only');
    await warm.build(pagesOnly, { previewServer: false });
    expect(warm.processId).toBe(pid);
    expect(existsSync(join(pagesOnly, '_server'))).toBe(false);
    // The same site, file for file and byte for byte, only without the server.
    const files = (dir: string) =>
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && !relative(dir, entry.parentPath).startsWith('_server'))
        .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
        .sort();
    expect(files(pagesOnly)).toEqual(files(full));
    // The calendar's DTSTAMP is the time of the build.
    const withoutStamps = (file: string) => readFileSync(file, 'utf8').replaceAll(/^DTSTAMP:.*$/gm, '');
    expect(
      files(pagesOnly).filter((file) => withoutStamps(join(pagesOnly, file)) !== withoutStamps(join(full, file))),
    ).toEqual([]);
    expect(existsSync(join(workDir, 'cache', 'static', 'incremental-build.json'))).toBe(true);

    // Alternating doesn't throw either cache away: the next build of each kind restores its pages.
    const again = await warm.build(join(workDir, 'with-server-again'));
    expect(restoredPageCount(again)).toBeGreaterThan(0);
    expect(
      restoredPageCount(await warm.build(join(workDir, 'pages-only-again'), { previewServer: false })),
    ).toBeGreaterThan(0);
  });

  it('replaces a process that grew past its limit, before the next build', async () => {
    const warm = builder({ maxRssBytes: 1 });
    await warm.build(join(workDir, 'limit'));
    const first = warm.processId;
    await warm.build(join(workDir, 'limit'));
    expect(warm.processId).toBeGreaterThan(0);
    expect(warm.processId).not.toBe(first);
  });

  it('starts a new process when the one waiting was killed', async () => {
    const warm = builder();
    warm.warmUp();
    const pid = warm.processId!;
    process.kill(pid, 'SIGKILL');
    await waitFor('the killed build process to be forgotten', () => warm.processId === undefined);
    const outDir = join(workDir, 'after-kill');
    await warm.build(outDir);
    expect(existsSync(join(outDir, 'index.html'))).toBe(true);
    expect(warm.processId).not.toBe(pid);
  });

  it('fails with the reason when the CMS is unreachable, forgets the incremental manifest and starts afresh', async () => {
    const cacheDir = join(workDir, 'failing-cache');
    const good = builder({
      env: {
        CMS_URL: cms.url,
        CMS_TOKEN: cms.env.CMS_TOKEN!,
        SITE_URL: 'http://127.0.0.1:4321',
        SITE_CACHE_DIR: cacheDir,
      },
    });
    await good.build(join(workDir, 'failing'));
    expect(existsSync(join(cacheDir, 'incremental-build.json'))).toBe(true);

    const unreachable = `http://127.0.0.1:${await freePort()}`;
    const failing = builder({
      env: { CMS_URL: unreachable, CMS_TOKEN: 'x', SITE_URL: 'http://127.0.0.1:4321', SITE_CACHE_DIR: cacheDir },
    });
    failing.warmUp();
    const pid = failing.processId;
    const error = await failing.build(join(workDir, 'failing')).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(BuildFailed);
    expect((error as BuildFailed).message).toMatch(/unreachable/i);
    expect((error as BuildFailed).message).not.toContain('\n');
    expect(existsSync(join(cacheDir, 'incremental-build.json'))).toBe(false);
    expect(failing.processId).toBeGreaterThan(0);
    expect(failing.processId).not.toBe(pid);
  });

  it('kills a build that runs past its time limit', async () => {
    const slow = builder({ timeoutMs: 300 });
    await expect(slow.build(join(workDir, 'slow'))).rejects.toThrow('the build was killed (SIGKILL)');
  });
});
