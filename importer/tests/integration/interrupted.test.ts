import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type RunningCms } from '../../../tests/helpers/cms.ts';
import { waitFor } from '../../../tests/helpers/wait.ts';
import {
  EXPECTED,
  listAll,
  mediaFiles,
  removeUploads,
  runImporter,
  stopImporters,
  total,
} from '../../../tests/helpers/importer.ts';

/** Distinct files (by content) the fixture's content refers to: photos, logos, images of bodies (those inside links
 * included), and the association's logo and mascot, which the import sets in the site settings. */
const MEDIA_FILES = 110;

/**
 * The import killed half-way (kill -9), then run again, while the CMS keeps running on the same
 * SQLite file: the second run completes the first without duplicates.
 */
describe('an interrupted import, run again (SQLite, CMS running)', () => {
  let cms: RunningCms;

  beforeAll(async () => {
    cms = await startCms({ seedDemo: false });
  });
  afterAll(async () => {
    stopImporters();
    if (cms) await removeUploads(cms).catch(() => undefined);
    await cms?.destroy();
  });

  it('ends complete, with exact counts and no duplicate speakers, venues or media', async () => {
    let child: ChildProcess | undefined;
    const killed = runImporter(cms, [], { onStart: (started) => (child = started) });
    // Kill it once some talks exist: speakers, venues, media and events are written, talks half-way.
    await waitFor('the import to be half-way through the talks', async () => (await total(cms, 'talks')) >= 40, {
      timeoutMs: 180_000,
      intervalMs: 100,
    });
    child!.kill('SIGKILL');
    const partial = await killed;
    expect(partial.signal).toBe('SIGKILL');
    expect(partial.report).toBeUndefined();
    const talksBefore = await total(cms, 'talks');
    expect(talksBefore).toBeGreaterThanOrEqual(40);
    expect(talksBefore).toBeLessThan(162);

    const resumed = await runImporter(cms);
    expect(resumed.code, resumed.stderr).toBe(0);
    const counts = resumed.report!.counts;
    expect(counts.speaker).toMatchObject({ unchanged: 93, created: 0 });
    expect(counts.talk.created + counts.talk.unchanged).toBe(162);
    expect(counts.talk.created).toBe(162 - talksBefore);
    expect(counts.post.created).toBe(17);

    for (const [path, count] of Object.entries(EXPECTED)) expect(await total(cms, path), path).toBe(count);
    const speakers = await listAll<{ slug: string }>(cms, 'speakers');
    expect(new Set(speakers.map((speaker) => speaker.slug)).size).toBe(93);
    const talks = await listAll<{ event: unknown }>(cms, 'talks', 'populate[event][fields][0]=slug');
    expect(talks.filter((talk) => !talk.event)).toEqual([]);
    // Each file of the site the content uses is in the library once, as after an uninterrupted import.
    expect(await mediaFiles(cms)).toHaveLength(MEDIA_FILES);
  }, 360_000);
});
