import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readArchive, writeArchive, type ArchiveSource } from '../../../backup/src/archive.ts';
import { MANIFEST_FORMAT, type Manifest } from '../../../backup/src/manifest.ts';
import { Header } from 'tar';

const HEADER: Omit<Manifest, 'files'> = {
  format: MANIFEST_FORMAT,
  createdAt: '2026-11-22T04:00:00.000Z',
  strapiVersion: '5.54.0',
  database: { client: 'sqlite', path: 'database.sqlite', sqliteVersion: '3.50.0' },
  secretFingerprints: {},
};
/** One regular file's ustar header block, as any tar writes it. */
const tarHeader = ({ path, size }: { path: string; size: number }): Buffer => {
  const block = Buffer.alloc(512);
  new Header({ path, size, mode: 0o644, mtime: new Date(), type: 'File' }).encode(block, 0);
  return block;
};
const tarPadding = (size: number) => Buffer.alloc((512 - (size % 512)) % 512);
/** Two empty blocks end an archive. */
const TAR_END = Buffer.alloc(1024);
/** Longer than ustar's 100-byte name field, and not ASCII. */
const LONG_NAME = `uploads/${'conférence_'.repeat(12)}photo.jpg`;

describe('the backup archive', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'clermontech-archive-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const file = (name: string, content: string | Buffer) => {
    const path = join(dir, 'source', name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, content);
    return path;
  };
  const sources = (): ArchiveSource[] => [
    { path: 'database.sqlite', file: file('db', Buffer.alloc(70_000, 7)) },
    { path: LONG_NAME, file: file('long', 'photo') },
    { path: 'uploads/empty.txt', file: file('empty', '') },
    { path: 'uploads/deleted-meanwhile.png', file: join(dir, 'source', 'gone'), optional: true },
  ];
  const extract = (archive: string) => readArchive(archive, mkdtempSync(join(dir, 'out-')));
  /** A gzipped tar of the given entries, written by hand. */
  const craft = (entries: [string, string][]) => {
    const blocks = entries.flatMap(([path, content]) => [
      tarHeader({ path, size: Buffer.byteLength(content) }),
      Buffer.from(content),
      tarPadding(Buffer.byteLength(content)),
    ]);
    const archive = join(dir, 'crafted.tar.gz');
    writeFileSync(archive, gzipSync(Buffer.concat([...blocks, TAR_END])));
    return archive;
  };

  it('round-trips every file, long and non-ASCII names included, and GNU tar reads it', async () => {
    const archive = join(dir, 'a.tar.gz');
    const { manifest, skipped } = await writeArchive(archive, sources(), HEADER);
    expect(skipped).toEqual(['uploads/deleted-meanwhile.png']);
    expect(manifest.files.map(({ path }) => path)).toEqual(['database.sqlite', LONG_NAME, 'uploads/empty.txt']);
    expect(execFileSync('tar', ['-tzf', archive], { encoding: 'utf8' }).trim().split('\n')).toEqual([
      ...manifest.files.map(({ path }) => path),
      'manifest.json',
    ]);

    const into = mkdtempSync(join(dir, 'out-'));
    expect(await readArchive(archive, into)).toEqual(manifest);
    expect(readFileSync(join(into, LONG_NAME), 'utf8')).toBe('photo');
    expect(readFileSync(join(into, 'database.sqlite')).equals(Buffer.alloc(70_000, 7))).toBe(true);
  });

  it('reads an archive repacked by GNU tar (its long-name format, ./ names, directory entries)', async () => {
    const archive = join(dir, 'a.tar.gz');
    const { manifest } = await writeArchive(archive, sources(), HEADER);
    const unpacked = mkdtempSync(join(dir, 'unpacked-'));
    execFileSync('tar', ['-xzf', archive, '-C', unpacked]);
    const repacked = join(dir, 'repacked.tar.gz');
    execFileSync('tar', ['--format=gnu', '-czf', repacked, '-C', unpacked, '.']);
    expect(await extract(repacked)).toEqual(manifest);
  });

  it.each([
    ['an entry outside the archive', [['uploads/../../evil', 'x']], /unsafe entry path/],
    ['an entry a backup never has', [['etc/passwd', 'x']], /unexpected entry "etc\/passwd"/],
    ['no manifest', [['database.sqlite', 'x']], /is not a Clermont'ech backup: it has no manifest\.json/],
    [
      'a manifest of a newer format',
      [['manifest.json', JSON.stringify({ ...HEADER, format: 2, files: [] })]],
      /unknown archive format 2/,
    ],
    [
      'a file the manifest does not list',
      [
        ['database.sqlite', 'x'],
        ['uploads/extra.png', 'x'],
        [
          'manifest.json',
          JSON.stringify({
            ...HEADER,
            files: [
              {
                path: 'database.sqlite',
                size: 1,
                sha256: '2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881',
              },
            ],
          }),
        ],
      ],
      /uploads\/extra\.png is not listed in the manifest/,
    ],
    [
      'a file and a folder of the same name',
      [
        ['uploads/a', 'x'],
        ['uploads/a/b.png', 'y'],
      ],
      /^Corrupt archive .*: uploads\/a is both a file and a folder$/,
    ],
    [
      'a folder and a file of the same name',
      [
        ['uploads/a/b/c.png', 'y'],
        ['uploads/a/b', 'x'],
      ],
      /^Corrupt archive .*: uploads\/a\/b is both a file and a folder$/,
    ],
  ] as const)('refuses %s', async (_, entries, problem) => {
    await expect(extract(craft(entries.map(([path, content]) => [path, content])))).rejects.toThrow(problem);
  });

  it('refuses links', async () => {
    const unpacked = mkdtempSync(join(dir, 'unpacked-'));
    mkdirSync(join(unpacked, 'uploads'));
    symlinkSync('/etc/passwd', join(unpacked, 'uploads', 'link.png'));
    const archive = join(dir, 'link.tar.gz');
    execFileSync('tar', ['-czf', archive, '-C', unpacked, 'uploads']);
    await expect(extract(archive)).rejects.toThrow(/uploads\/link\.png is a symbolic link/);
  });
});
