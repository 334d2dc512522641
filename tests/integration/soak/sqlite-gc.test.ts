/**
 * better-sqlite3 12 aborted on Node 24+ (`Assertion failed: (env) != nullptr` in
 * `Statement::~Statement`) when a prepared statement was garbage-collected. This soak puts the real CMS,
 * on SQLite, under thousands of reads and hundreds of writes, forcing a full collection in every one
 * of its processes between batches, and checks it is still alive and answering afterwards. CI runs this
 * file on Node 26 (the whole suite) and again on Node 24.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, startCms, type RunningCms } from '../../helpers/cms.ts';
import { createDraft, publishChange, updateDraft } from '../../helpers/content.ts';
import { waitFor } from '../../helpers/wait.ts';

const BATCHES = 6;
const READS_PER_BATCH = 500;
const WRITES_PER_BATCH = 50;
const CONCURRENCY = 10;
const SPEAKER = 'api::speaker.speaker';
const READ_PATHS = [
  '/api/events?populate=*',
  '/api/talks?populate=*&pagination[pageSize]=100',
  '/api/speakers?pagination[pageSize]=100',
  '/api/posts',
  '/api/venues',
  '/api/global',
];

/** Runs `task(i)` for i in [0, count), `CONCURRENCY` at a time. */
async function inParallel(count: number, task: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

describe(`the CMS on SQLite under load with forced garbage collection (Node ${process.versions.node})`, () => {
  let cms: RunningCms;
  let gcDir: string;
  let collectionsAsked = 0;

  beforeAll(async () => {
    gcDir = mkdtempSync(join(tmpdir(), 'clermontech-force-gc-'));
    cms = await startCms({
      database: 'sqlite',
      env: {
        FORCE_GC_DIR: gcDir,
        NODE_OPTIONS: `--expose-gc --import ${join(repoRoot, 'tests/helpers/force-gc-preload.mjs')}`,
      },
    });
  });

  afterAll(async () => {
    await cms?.destroy();
    rmSync(gcDir, { recursive: true, force: true });
  });

  /** Every process of the CMS that registered, collects garbage; resolves once each has said so. */
  async function collectGarbageEverywhere(): Promise<void> {
    collectionsAsked += 1;
    const pids = readdirSync(gcDir).map(Number);
    const alive = pids.filter((pid) => {
      try {
        process.kill(pid, 'SIGUSR2');
        return true;
      } catch {
        return false; // a short-lived process (the build step) that has already exited
      }
    });
    expect(alive.length).toBeGreaterThan(0);
    await waitFor(`garbage collection ${collectionsAsked} in ${alive.join(', ')}`, () =>
      alive.every((pid) => cms.output().includes(`[force-gc] pid ${pid} collection ${collectionsAsked}\n`)),
    );
  }

  it('answers every read and write, and never aborts', async () => {
    const token = await cms.adminToken();
    let reads = 0;
    let writes = 0;
    for (let batch = 0; batch < BATCHES; batch++) {
      await inParallel(READS_PER_BATCH, async (index) => {
        const response = await cms.fetch(READ_PATHS[index % READ_PATHS.length]!);
        expect(response.status).toBe(200);
        await response.arrayBuffer();
        reads += 1;
      });
      await inParallel(WRITES_PER_BATCH / 5, async (index) => {
        const slug = `soak-${batch}-${index}`;
        const speaker = await createDraft(cms.url, token, SPEAKER, { name: `Oratrice ${batch}.${index}`, slug });
        await updateDraft(cms.url, token, SPEAKER, speaker.documentId, { bio: `Biographie ${batch}.${index}` });
        await publishChange(cms.url, token, SPEAKER, speaker.documentId, {
          name: `Oratrice publiée ${batch}.${index}`,
        });
        await updateDraft(cms.url, token, SPEAKER, speaker.documentId, { bio: 'Modifiée après publication' });
        await publishChange(cms.url, token, SPEAKER, speaker.documentId, {});
        writes += 5;
      });
      await collectGarbageEverywhere();
    }
    expect(reads).toBe(BATCHES * READS_PER_BATCH);
    expect(writes).toBe(BATCHES * WRITES_PER_BATCH);

    const health = await cms.fetch('/_health');
    expect(health.status).toBe(204);
    const published = (await (
      await cms.fetch('/api/speakers?filters[slug][$startsWith]=soak-&pagination[pageSize]=1')
    ).json()) as {
      meta: { pagination: { total: number } };
    };
    expect(published.meta.pagination.total).toBe(BATCHES * (WRITES_PER_BATCH / 5));
    expect(cms.output()).not.toMatch(/Assertion failed|Aborted|core dumped/);
  });

  // The reports of that crash mostly saw it at exit, when statements still alive are destroyed after
  // the environment is gone.
  it('shuts down after the load without aborting', async () => {
    await cms.stop('SIGTERM');
    await waitFor('Strapi’s shutdown line', () => cms.output().includes('Strapi has been shut down'), {
      timeoutMs: 10_000,
    });
    expect(cms.output()).not.toMatch(/Assertion failed|Aborted|core dumped/);
  });
});
