/**
 * The archive: a gzipped tar of the database dump, the uploads, and manifest.json (last, listing the
 * size and SHA-256 of every other entry). Written and read in one streaming pass each, with npm's
 * own `tar`.
 */
import { createHash, type Hash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import { link, open, unlink, type FileHandle } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Header, Pack, Parser, ReadEntry } from 'tar';
import { BackupError } from './cli.ts';
import { MANIFEST_PATH, parseManifest, type Manifest, type ManifestFile } from './manifest.ts';

/** Something in the archive a backup never holds; the message is one line. */
class ArchiveError extends Error {
  override name = 'ArchiveError';
}

const CHUNK = 1 << 20;

export interface ArchiveSource {
  /** Path inside the archive. */
  path: string;
  /** The file to read. */
  file: string;
  /** Skip it, rather than fail, if it is gone by the time it is read (an upload deleted meanwhile). */
  optional?: boolean;
}

export interface WrittenArchive {
  manifest: Manifest;
  /** Archive paths of the optional sources that had disappeared. */
  skipped: string[];
}

/** Resolves once `stream` may take more data. */
function drained(stream: ReadEntry): Promise<void> {
  return new Promise((resolve) => stream.once('drain', resolve));
}

/** One regular file of the archive, fed to `pack` as it is read; returns its manifest line. */
async function addEntry(
  pack: Pack,
  path: string,
  size: number,
  mtime: Date,
  read: (into: ReadEntry, hash: Hash) => Promise<void>,
): Promise<ManifestFile> {
  const entry = new ReadEntry(new Header({ path, size, mtime, mode: 0o644, type: 'File' }));
  pack.add(entry);
  const hash = createHash('sha256');
  await read(entry, hash);
  entry.end();
  return { path, size, sha256: hash.digest('hex') };
}

/** Copies `size` bytes of `handle` into `entry`, at the pace the archive is written. */
async function copyFile(
  source: ArchiveSource,
  handle: FileHandle,
  size: number,
  entry: ReadEntry,
  hash: Hash,
): Promise<void> {
  let remaining = size;
  while (remaining > 0) {
    const buffer = Buffer.allocUnsafe(Math.min(CHUNK, remaining));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, size - remaining);
    if (bytesRead === 0)
      throw new BackupError(`${source.file} shrank while it was being archived; run the backup again`);
    const chunk = buffer.subarray(0, bytesRead);
    hash.update(chunk);
    remaining -= bytesRead;
    if (!entry.write(chunk)) await drained(entry);
  }
}

/** Feeds every source then manifest.json to `pack`, and ends it. */
async function fill(
  pack: Pack,
  sources: ArchiveSource[],
  listed: ManifestFile[],
  skipped: string[],
  manifest: () => string,
): Promise<void> {
  for (const source of sources) {
    let handle: FileHandle;
    try {
      handle = await open(source.file, 'r');
    } catch (error) {
      if (source.optional && (error as NodeJS.ErrnoException).code === 'ENOENT') {
        skipped.push(source.path);
        continue;
      }
      throw error;
    }
    try {
      const { size, mtime } = await handle.stat();
      listed.push(
        await addEntry(pack, source.path, size, mtime, (entry, hash) => copyFile(source, handle, size, entry, hash)),
      );
    } finally {
      await handle.close();
    }
  }
  const json = Buffer.from(manifest());
  await addEntry(pack, MANIFEST_PATH, json.length, new Date(), async (entry) => void entry.write(json));
  pack.end();
}

/**
 * Writes `sources` then manifest.json into a new gzipped tar at `target` (created 0600: it holds
 * password hashes), reading each file once: its checksum is of the bytes archived. Fails if `target`
 * exists.
 */
export async function writeArchive(
  target: string,
  sources: ArchiveSource[],
  header: Omit<Manifest, 'files'>,
): Promise<WrittenArchive> {
  const files: ManifestFile[] = [];
  const skipped: string[] = [];
  const manifest: Manifest = { ...header, files };
  const pack = new Pack({ gzip: { level: 6 } });
  const written = pipeline(pack, createWriteStream(target, { flags: 'wx', mode: 0o600 }));
  try {
    await fill(pack, sources, files, skipped, () => `${JSON.stringify(manifest, null, 2)}\n`);
  } catch (error) {
    pack.destroy();
    await written.catch(() => undefined);
    throw error;
  }
  await written;
  return { manifest, skipped };
}

/** clermontech-20261122T040000Z */
export function archiveBaseName(date: Date): string {
  return `clermontech-${date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '')}`;
}

/** Gives the finished archive its final name without ever overwriting one (two backups in the same second get -2). */
export async function publishArchive(file: string, directory: string, baseName: string): Promise<string> {
  for (let attempt = 1; ; attempt += 1) {
    const target = join(directory, `${baseName}${attempt === 1 ? '' : `-${attempt}`}.tar.gz`);
    try {
      await link(file, target);
      await unlink(file);
      return target;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/** Accepts only the entries a backup has, at safe relative paths. */
function checkEntryPath(path: string): void {
  const normalized = posix.normalize(path);
  const safe =
    normalized === path &&
    !path.startsWith('/') &&
    !path.split('/').includes('..') &&
    !path.includes('\\') &&
    !path.includes('\0');
  if (!safe) throw new ArchiveError(`unsafe entry path ${JSON.stringify(path)}`);
  if (path === MANIFEST_PATH || path === 'database.sqlite' || path === 'database.sql') return;
  if (path.startsWith('uploads/') && path.length > 'uploads/'.length && !path.endsWith('/')) return;
  throw new ArchiveError(`unexpected entry ${JSON.stringify(path)}`);
}

/**
 * Records `path` among the entries read so far, refusing it where one entry would be a file and
 * another a folder at the same path (`uploads/a` and `uploads/a/b.png`): no disk holds both.
 */
function checkNoClash(path: string, files: Set<string>, folders: Set<string>): void {
  if (folders.has(path)) throw new ArchiveError(`${path} is both a file and a folder`);
  const parts = path.split('/');
  for (let end = 1; end < parts.length; end += 1) {
    const folder = parts.slice(0, end).join('/');
    if (files.has(folder)) throw new ArchiveError(`${folder} is both a file and a folder`);
    folders.add(folder);
  }
  files.add(path);
}

/** What a tar reader says, in the words of the person restoring, or undefined for an error that is not the archive's. */
function describeReadError(error: unknown): string | undefined {
  if (error instanceof ArchiveError) return error.message;
  const { code } = error as NodeJS.ErrnoException;
  // tar and its zlib prefix their messages with where they come from: the person restoring needs what.
  const message = (error instanceof Error ? error.message : String(error)).replace(/^(?:TAR_[A-Z_]+|zlib): /, '');
  if (code === 'Z_BUF_ERROR' || /^Truncated input|unexpected end of file/i.test(message))
    return 'it ends too early (truncated)';
  if (code === 'Z_DATA_ERROR')
    return message === 'incorrect header check' ? 'not a gzip file' : `damaged gzip data (${message})`;
  if (code?.startsWith('TAR_')) return `not a readable tar archive (${message})`;
  if (code?.startsWith('Z_')) return `damaged gzip data (${message})`;
  return undefined;
}

/** Entry types a backup never holds, as a person would name them. */
const OTHER_TYPES: Record<string, string> = {
  Link: 'hard link',
  SymbolicLink: 'symbolic link',
  CharacterDevice: 'character device',
  BlockDevice: 'block device',
  FIFO: 'FIFO',
};

interface Extraction {
  into: string;
  found: Map<string, { size: number; sha256: string }>;
  files: Set<string>;
  folders: Set<string>;
  manifestText?: string;
  /** One per file being written: resolves once it is on disk. */
  writes: Promise<void>[];
  /** Stops reading: a file could not be written. */
  abort(error: Error): void;
}

/** Checks one entry of the archive and writes it under `into` (manifest.json is kept in memory). */
function extractEntry(state: Extraction, entry: ReadEntry): void {
  if (entry.type === 'Directory') {
    entry.resume();
    return;
  }
  // `tar -czf … -C dir .` names everything ./something.
  const path = entry.path.replace(/^(?:\.\/)+/, '');
  if (entry.type !== 'File' && entry.type !== 'OldFile' && entry.type !== 'ContiguousFile') {
    throw new ArchiveError(`${path} is a ${OTHER_TYPES[entry.type] ?? `${entry.type} entry`}, not a regular file`);
  }
  checkEntryPath(path);
  if (state.files.has(path)) throw new ArchiveError(`${path} appears twice`);
  checkNoClash(path, state.files, state.folders);
  if (path === MANIFEST_PATH) {
    if (entry.size > 16 << 20) throw new ArchiveError('oversized manifest.json');
    const chunks: Buffer[] = [];
    entry.on('data', (chunk: Buffer) => chunks.push(chunk));
    state.writes.push(
      new Promise((resolve) =>
        entry.on('end', () => resolve(void (state.manifestText = Buffer.concat(chunks).toString('utf8')))),
      ),
    );
    return;
  }
  const file = join(state.into, path);
  mkdirSync(dirname(file), { recursive: true });
  const hash = createHash('sha256');
  let written = 0;
  // Counted on the way to the disk: a listener of its own would miss what the entry holds already.
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      written += chunk.length;
      done(null, chunk);
    },
  });
  // The default mode (umask applies), which copies keep: the work directory itself is private.
  const output = createWriteStream(file, { flags: 'wx' });
  const write = pipeline(entry, counted, output).then(
    () => void state.found.set(path, { size: written, sha256: hash.digest('hex') }),
  );
  write.catch((error: Error) => state.abort(error));
  state.writes.push(write);
}

/** Extracts every entry of `archive` into `state.into`; rejects with the first problem met. */
async function extractAll(archive: string, into: string): Promise<Extraction> {
  const parser = new Parser({ strict: true });
  const state: Extraction = {
    into,
    found: new Map(),
    files: new Set(),
    folders: new Set(),
    writes: [],
    abort: (error) => parser.abort(error),
  };
  const done = new Promise<void>((resolve, reject) => {
    parser.on('entry', (entry: ReadEntry) => {
      try {
        extractEntry(state, entry);
      } catch (error) {
        entry.resume();
        parser.abort(error as Error);
      }
    });
    parser.on('error', reject);
    parser.on('abort', reject);
    parser.on('end', resolve);
  });
  const input = createReadStream(archive);
  input.on('error', (error) => parser.abort(error));
  input.pipe(parser);
  try {
    await done;
    await Promise.all(state.writes);
    return state;
  } finally {
    input.destroy();
  }
}

/**
 * Extracts `archive` into the empty directory `into`, checks every entry against manifest.json
 * (present, same size, same SHA-256, nothing more, nothing less) and returns the manifest. Any
 * problem is a BackupError naming the archive and what is wrong with it.
 */
export async function readArchive(archive: string, into: string): Promise<Manifest> {
  let state: Extraction;
  try {
    state = await extractAll(archive, into);
  } catch (error) {
    const problem = describeReadError(error);
    if (problem) throw new BackupError(`Corrupt archive ${archive}: ${problem}`);
    throw error;
  }
  const { found, manifestText } = state;

  if (manifestText === undefined)
    throw new BackupError(`${archive} is not a Clermont'ech backup: it has no ${MANIFEST_PATH}`);
  let manifest: Manifest;
  try {
    manifest = parseManifest(manifestText);
  } catch (error) {
    throw new BackupError(`Corrupt archive ${archive}: ${(error as Error).message}`);
  }
  const listed = new Set<string>();
  for (const { path, size, sha256 } of manifest.files) {
    const entry = found.get(path);
    if (!entry) throw new BackupError(`Corrupt archive ${archive}: ${path} is listed in the manifest but missing`);
    if (entry.size !== size || entry.sha256 !== sha256)
      throw new BackupError(`Corrupt archive ${archive}: ${path} does not match its checksum`);
    listed.add(path);
  }
  for (const path of found.keys()) {
    if (!listed.has(path)) throw new BackupError(`Corrupt archive ${archive}: ${path} is not listed in the manifest`);
  }
  return manifest;
}
