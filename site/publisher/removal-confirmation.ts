import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'astro/zod';

/**
 * A build that would remove more than half the pages is refused (validate-release.ts): usually an
 * empty API answer, sometimes on purpose (the demo content deleted, a smaller database restored).
 * The refusal is kept beside the releases, shown in the status, and an Editor may confirm it from
 * the admin: the next build that removes no more than what was refused then goes live, once.
 */
export const REMOVAL_FILE = 'removal.json';

/** How many removed pages the refusal names, as examples. */
const SHOWN_PATHS = 5;

const RefusalSchema = z.object({
  at: z.string(),
  pagesBefore: z.number().int().nonnegative(),
  pagesAfter: z.number().int().nonnegative(),
  /** A few of the pages that would disappear, as URL paths. */
  removedPaths: z.array(z.string()),
  /** How many pages would disappear in all. */
  removedCount: z.number().int().nonnegative(),
});
const ConfirmationSchema = z.object({ at: z.string(), by: z.string(), pagesAfter: z.number().int().nonnegative() });
const RemovalStateSchema = z.object({ refused: RefusalSchema.optional(), confirmed: ConfirmationSchema.optional() });

export type RemovalRefusal = z.infer<typeof RefusalSchema>;
export type RemovalState = z.infer<typeof RemovalStateSchema>;

/** The body of POST /_publisher/confirm-removal: who confirms, for the record. */
export const ConfirmRemovalRequestSchema = z.object({ by: z.string().trim().min(1).max(200) });

/** The removal state of the releases in `releasesRoot`. A missing or unreadable file is no state. */
export function readRemovalState(releasesRoot: string): RemovalState {
  const file = join(releasesRoot, REMOVAL_FILE);
  if (!existsSync(file)) return {};
  try {
    const parsed = RemovalStateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : {};
  } catch {
    // Not JSON (a disk filled mid-write, a hand edit): the next refusal writes it anew.
    return {};
  }
}

function writeRemovalState(releasesRoot: string, state: RemovalState): void {
  const file = join(releasesRoot, REMOVAL_FILE);
  if (!state.refused && !state.confirmed) {
    rmSync(file, { force: true });
    return;
  }
  // Write then rename: a crash mid-write never leaves half a confirmation.
  writeFileSync(`${file}.tmp`, JSON.stringify(state, null, 2));
  renameSync(`${file}.tmp`, file);
}

/** The HTML files of a release, relative to it. */
function htmlFiles(dir: string): Set<string> {
  return new Set(
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((path) => path.endsWith('.html'))
      .map((path) => path.split('\\').join('/')),
  );
}

/** `talks/x/index.html` → `/talks/x/`, as readers spell it. */
const urlPath = (file: string) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`;

/**
 * Decides a build that removes more than half the pages of the live release `liveDir`: accepted
 * (and the confirmation used up) when an Editor confirmed a removal at least this large, else
 * refused, the refusal recorded for the status. The releases root is the live release's parent
 * (ReleaseStore.dirOf).
 */
export function decideLargeRemoval(
  newDir: string,
  liveDir: string,
  pagesBefore: number,
  pagesAfter: number,
): 'accepted' | 'refused' {
  const root = dirname(liveDir);
  const state = readRemovalState(root);
  if (state.confirmed && pagesAfter >= state.confirmed.pagesAfter) {
    writeRemovalState(root, {});
    return 'accepted';
  }
  const after = htmlFiles(newDir);
  const removed = [...htmlFiles(liveDir)].filter((file) => !after.has(file)).sort();
  writeRemovalState(root, {
    refused: {
      at: new Date().toISOString(),
      pagesBefore,
      pagesAfter,
      removedPaths: removed.slice(0, SHOWN_PATHS).map(urlPath),
      removedCount: removed.length,
    },
  });
  return 'refused';
}

/** A release passed the gate without a large removal: an earlier refusal no longer applies. */
export function forgetRemoval(liveDir: string | undefined): void {
  if (liveDir) writeRemovalState(dirname(liveDir), {});
}

/**
 * Records an Editor's confirmation of the refused removal; false when there is none to confirm.
 * The confirmation covers that removal only: a build removing even more pages is refused again.
 */
export function confirmRemoval(releasesRoot: string, by: string): boolean {
  const state = readRemovalState(releasesRoot);
  if (!state.refused) return false;
  writeRemovalState(releasesRoot, {
    refused: state.refused,
    confirmed: { at: new Date().toISOString(), by, pagesAfter: state.refused.pagesAfter },
  });
  return true;
}
