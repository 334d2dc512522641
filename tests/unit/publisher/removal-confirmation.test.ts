import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../site/publisher/app.ts';
import { ReleaseStore } from '../../../site/publisher/release-store.ts';
import { readRemovalState, REMOVAL_FILE, type RemovalState } from '../../../site/publisher/removal-confirmation.ts';
import { REQUIRED_PAGES, validateRelease } from '../../../site/publisher/validate-release.ts';
import { liveRelease, writeFiles } from '../../helpers/releases.ts';

const token = 'e'.repeat(64);
const html = '<!doctype html><html lang="fr"><body>page</body></html>';
const required = Object.fromEntries(REQUIRED_PAGES.map((page) => [page, html]));
const talks = (count: number) =>
  Object.fromEntries(
    Array.from({ length: count }, (_, n) => [`talks/talk-${String(n).padStart(2, '0')}/index.html`, html]),
  );

describe('a build removing more than half the pages', () => {
  let store: ReleaseStore;
  let changes: { reason: string; force: boolean }[];
  let handle: (request: Request) => Promise<Response>;
  let live: string;
  const staging = () => {
    const dir = store.stagingDir();
    writeFiles(dir, { ...required, ...talks(2) });
    return dir;
  };
  const status = async () =>
    (await (
      await handle(new Request('http://site.test/_publisher/status', { headers: { authorization: `Bearer ${token}` } }))
    ).json()) as { removal: RemovalState };
  const confirm = (body: unknown, bearer = token) =>
    handle(
      new Request('http://site.test/_publisher/confirm-removal', {
        method: 'POST',
        headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    );

  beforeEach(() => {
    store = new ReleaseStore(mkdtempSync(join(tmpdir(), 'removal-')));
    changes = [];
    handle = createApp({
      store,
      token,
      status: () => ({
        release: null,
        building: null,
        queued: false,
        lastSuccess: null,
        lastFailure: null,
        buildsStarted: 0,
        lastCheckAt: null,
      }),
      onChange: (reason, force) => changes.push({ reason, force }),
    });
    liveRelease(store, { ...required, ...talks(20) });
    live = store.current()!.dir;
  });

  it('is refused, and the status says how many pages and which ones', async () => {
    expect(() => validateRelease(staging(), live)).toThrow(
      'release rejected: 7 pages instead of 25 (more than half would disappear)',
    );
    const { removal } = await status();
    expect(removal.refused).toMatchObject({ pagesBefore: 25, pagesAfter: 7, removedCount: 18 });
    expect(removal.refused?.removedPaths).toEqual([
      '/talks/talk-02/',
      '/talks/talk-03/',
      '/talks/talk-04/',
      '/talks/talk-05/',
      '/talks/talk-06/',
    ]);
    // Anyone else sees only whether the site is live.
    const open = (await (await handle(new Request('http://site.test/_publisher/status'))).json()) as Record<
      string,
      unknown
    >;
    expect(open).not.toHaveProperty('removal');
  });

  it('goes live once after a confirmation with the token, then is refused again', async () => {
    expect(() => validateRelease(staging(), live)).toThrow('more than half');
    expect((await confirm({ by: 'Editor Bénévole' }, 'x'.repeat(64))).status).toBe(401);
    expect((await confirm({})).status).toBe(400);
    expect(changes).toEqual([]);
    const confirmed = await confirm({ by: 'Editor Bénévole' });
    expect(confirmed.status).toBe(202);
    expect(changes).toEqual([{ reason: 'large removal confirmed by Editor Bénévole', force: true }]);
    expect((await status()).removal.confirmed).toMatchObject({ by: 'Editor Bénévole', pagesAfter: 7 });

    expect(validateRelease(staging(), live)).toBe(7);
    expect((await status()).removal).toEqual({});
    expect(() => validateRelease(staging(), live)).toThrow('more than half');
  });

  it('does not cover a build removing even more than what was confirmed', async () => {
    expect(() => validateRelease(staging(), live)).toThrow('more than half');
    expect((await confirm({ by: 'Editor Bénévole' })).status).toBe(202);
    const emptier = mkdtempSync(join(tmpdir(), 'emptier-'));
    writeFiles(emptier, required);
    expect(() => validateRelease(emptier, live)).toThrow('5 pages instead of 25');
  });

  it('answers 409 when nothing was refused', async () => {
    expect((await confirm({ by: 'Editor Bénévole' })).status).toBe(409);
  });

  it('reads an unreadable removal file as no state instead of failing the status', () => {
    const root = mkdtempSync(join(tmpdir(), 'removal-state-'));
    writeFileSync(join(root, REMOVAL_FILE), '{"refused": {"at": "2026');
    expect(readRemovalState(root)).toEqual({});
  });
});
