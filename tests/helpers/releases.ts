import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReleaseStore } from '../../site/publisher/release-store.ts';

/** Writes `files` (path → content) under `dir`, creating folders as needed. */
export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

/** A new release holding `files`, made live; returns its id. */
export function liveRelease(store: ReleaseStore, files: Record<string, string>): string {
  const id = store.newId();
  writeFiles(store.dirOf(id), files);
  store.activate(id);
  return id;
}
