/**
 * The uploads: every regular file under cms/public/uploads goes into the archive; a restore puts
 * every archived file back and deletes nothing, so files already there (another installation's,
 * a test's) stay, and can be undone until the database is in place.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readdir, rename, stat } from 'node:fs/promises';
import { renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import type { ArchiveSource } from './archive.ts';
import { BackupError } from './cli.ts';
import type { ManifestFile } from './manifest.ts';

export const UPLOADS_PREFIX = 'uploads/';

/** Every regular file under `dir` as an archive source, sorted; dot files (.gitkeep, our own temporary files) are left out. */
export async function listUploads(dir: string): Promise<ArchiveSource[]> {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter(
      (file) =>
        !relative(dir, file)
          .split(sep)
          .some((part) => part.startsWith('.')),
    )
    .sort()
    .map((file) => ({ path: UPLOADS_PREFIX + relative(dir, file).split(sep).join('/'), file, optional: true }));
}

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Fails, before anything is written, where an archived upload cannot go in `dir`: a folder (or
 * anything but a file) stands where the archive has a file, or a file where it needs a folder.
 */
export async function checkUploadsFit(files: ManifestFile[], dir: string): Promise<void> {
  const folders = new Set<string>();
  for (const { path } of files) {
    if (!path.startsWith(UPLOADS_PREFIX)) continue;
    const parts = path.slice(UPLOADS_PREFIX.length).split('/');
    for (let end = 1; end <= parts.length; end += 1) {
      const target = join(dir, ...parts.slice(0, end));
      const isFile = end === parts.length;
      if (!isFile && folders.has(target)) continue;
      const existing = await stat(target).catch(() => undefined);
      if (!existing) break;
      if (isFile && !existing.isFile())
        throw new BackupError(
          `Cannot restore ${path}: ${target} is ${existing.isDirectory() ? 'a folder' : 'not a regular file'}; move it away first`,
        );
      if (!isFile && !existing.isDirectory())
        throw new BackupError(`Cannot restore ${path}: ${target} is a file, not a folder; move it away first`);
      if (!isFile) folders.add(target);
    }
  }
}

/** What putting the uploads back changed, and how to keep or undo it. */
export interface UploadsChange {
  added: number;
  replaced: number;
  unchanged: number;
  /** Forgets the copies of replaced files: the restore succeeded. */
  commit(): void;
  /** Removes the added files and puts the replaced ones back. Synchronous, so it also runs on Ctrl-C. */
  undo(): void;
}

/**
 * Copies the archived uploads (extracted under `from`) into `dir`, each through a temporary file
 * and a rename, so no file is ever seen half-written. An identical file is left alone; a different
 * one is replaced, its old content kept aside until `commit`.
 */
export async function putBackUploads(from: string, files: ManifestFile[], dir: string): Promise<UploadsChange> {
  const added: string[] = [];
  const replaced: { file: string; aside: string }[] = [];
  let unchanged = 0;
  let settled = false;

  const change: UploadsChange = {
    get added() {
      return added.length;
    },
    get replaced() {
      return replaced.length;
    },
    get unchanged() {
      return unchanged;
    },
    commit() {
      settled = true;
      for (const { aside } of replaced) rmSync(aside, { force: true });
    },
    undo() {
      if (settled) return;
      settled = true;
      for (const file of added) rmSync(file, { force: true });
      for (const { file, aside } of replaced) renameSync(aside, file);
    },
  };

  let temporary: string | undefined;
  try {
    for (const { path, size, sha256: checksum } of files) {
      if (!path.startsWith(UPLOADS_PREFIX)) continue;
      const relativePath = path.slice(UPLOADS_PREFIX.length);
      const target = join(dir, ...relativePath.split('/'));
      const existing = await stat(target).catch(() => undefined);
      if (existing?.isFile() && existing.size === size && (await sha256(target)) === checksum) {
        unchanged += 1;
        continue;
      }
      await mkdir(dirname(target), { recursive: true });
      temporary = join(dirname(target), `.${basename(target)}.restore-${process.pid}`);
      await copyFile(join(from, path), temporary);
      if (existing) {
        const aside = join(dirname(target), `.${basename(target)}.before-restore-${process.pid}`);
        await rename(target, aside);
        replaced.push({ file: target, aside });
      }
      await rename(temporary, target);
      temporary = undefined;
      if (!existing) added.push(target);
    }
  } catch (error) {
    if (temporary) rmSync(temporary, { force: true });
    change.undo();
    throw error;
  }
  return change;
}
