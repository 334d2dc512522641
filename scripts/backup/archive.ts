/**
 * The archive: a gzipped tar of the database dump, the uploads, and manifest.json (last, listing the
 * size and SHA-256 of every other entry). Written and read in one streaming pass each.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { link, mkdir, open, unlink } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { BackupError } from './cli.ts';
import { MANIFEST_PATH, parseManifest, type Manifest, type ManifestFile } from './manifest.ts';
import { readTar, TAR_END, TarError, tarHeader, tarPadding, type TarSink } from './tar.ts';

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

async function* entries(
  sources: ArchiveSource[],
  listed: ManifestFile[],
  skipped: string[],
  manifest: () => string,
): AsyncGenerator<Buffer> {
  for (const source of sources) {
    let handle;
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
      yield tarHeader({ path: source.path, size, mtime });
      const hash = createHash('sha256');
      let remaining = size;
      while (remaining > 0) {
        const buffer = Buffer.allocUnsafe(Math.min(CHUNK, remaining));
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, size - remaining);
        if (bytesRead === 0) throw new BackupError(`${source.file} shrank while it was being archived; run the backup again`);
        const chunk = buffer.subarray(0, bytesRead);
        hash.update(chunk);
        remaining -= bytesRead;
        yield chunk;
      }
      yield tarPadding(size);
      listed.push({ path: source.path, size, sha256: hash.digest('hex') });
    } finally {
      await handle.close();
    }
  }
  const json = Buffer.from(manifest());
  yield tarHeader({ path: MANIFEST_PATH, size: json.length });
  yield json;
  yield tarPadding(json.length);
  yield TAR_END;
}

/**
 * Writes `sources` then manifest.json into a new gzipped tar at `target` (created 0600: it holds
 * password hashes). Fails if `target` exists.
 */
export async function writeArchive(target: string, sources: ArchiveSource[], header: Omit<Manifest, 'files'>): Promise<WrittenArchive> {
  const files: ManifestFile[] = [];
  const skipped: string[] = [];
  const manifest: Manifest = { ...header, files };
  await pipeline(
    entries(sources, files, skipped, () => `${JSON.stringify(manifest, null, 2)}\n`),
    createGzip({ level: 6 }),
    createWriteStream(target, { flags: 'wx', mode: 0o600 }),
  );
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
    normalized === path && !path.startsWith('/') && !path.split('/').includes('..') && !path.includes('\\') && !path.includes('\0');
  if (!safe) throw new TarError(`unsafe entry path ${JSON.stringify(path)}`);
  if (path === MANIFEST_PATH || path === 'database.sqlite' || path === 'database.sql') return;
  if (path.startsWith('uploads/') && path.length > 'uploads/'.length && !path.endsWith('/')) return;
  throw new TarError(`unexpected entry ${JSON.stringify(path)}`);
}

/**
 * Records `path` among the entries read so far, refusing it where one entry would be a file and
 * another a folder at the same path (`uploads/a` and `uploads/a/b.png`): no disk holds both.
 */
function checkNoClash(path: string, files: Set<string>, folders: Set<string>): void {
  if (folders.has(path)) throw new TarError(`${path} is both a file and a folder`);
  const parts = path.split('/');
  for (let end = 1; end < parts.length; end += 1) {
    const folder = parts.slice(0, end).join('/');
    if (files.has(folder)) throw new TarError(`${folder} is both a file and a folder`);
    folders.add(folder);
  }
  files.add(path);
}

function describeReadError(error: unknown): string | undefined {
  if (error instanceof TarError) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'Z_BUF_ERROR') return 'it ends too early (truncated)';
  if (code === 'Z_DATA_ERROR') return message === 'incorrect header check' ? 'not a gzip file' : `damaged gzip data (${message})`;
  return undefined;
}

/**
 * Extracts `archive` into the empty directory `into`, checks every entry against manifest.json
 * (present, same size, same SHA-256, nothing more, nothing less) and returns the manifest. Any
 * problem is a BackupError naming the archive and what is wrong with it.
 */
export async function readArchive(archive: string, into: string): Promise<Manifest> {
  const found = new Map<string, { size: number; sha256: string }>();
  let manifestText: string | undefined;
  const files = new Set<string>();
  const folders = new Set<string>();

  const openEntry = async (entry: { path: string; size: number }): Promise<TarSink> => {
    // `tar -czf … -C dir .` names everything ./something.
    const path = entry.path.replace(/^(?:\.\/)+/, '');
    const { size } = entry;
    checkEntryPath(path);
    if (files.has(path)) throw new TarError(`${path} appears twice`);
    checkNoClash(path, files, folders);
    if (path === MANIFEST_PATH) {
      if (size > 16 << 20) throw new TarError('oversized manifest.json');
      const chunks: Buffer[] = [];
      return {
        write: async (chunk) => void chunks.push(Buffer.from(chunk)),
        close: async () => void (manifestText = Buffer.concat(chunks).toString('utf8')),
      };
    }
    const file = join(into, path);
    await mkdir(dirname(file), { recursive: true });
    // The default mode (umask applies), which copies keep: the work directory itself is private.
    const handle = await open(file, 'wx');
    const hash = createHash('sha256');
    let written = 0;
    return {
      async write(chunk) {
        hash.update(chunk);
        written += chunk.length;
        await handle.write(chunk);
      },
      async close() {
        await handle.close();
        found.set(path, { size: written, sha256: hash.digest('hex') });
      },
    };
  };

  // Not pipeline(): when its last step is a function that throws, it rejects with an AbortError
  // instead of that function's error, and the TarError would be lost.
  const input = createReadStream(archive);
  const gunzip = createGunzip();
  input.on('error', (error) => gunzip.destroy(error));
  try {
    await readTar(input.pipe(gunzip), openEntry);
  } catch (error) {
    const problem = describeReadError(error);
    if (problem) throw new BackupError(`Corrupt archive ${archive}: ${problem}`);
    throw error;
  } finally {
    input.destroy();
    gunzip.destroy();
  }

  if (manifestText === undefined) throw new BackupError(`${archive} is not a Clermont'ech backup: it has no ${MANIFEST_PATH}`);
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
