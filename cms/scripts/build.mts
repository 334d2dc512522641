/**
 * Builds the CMS only where its sources changed since the last build, so `npm start` and `npm test`
 * on an up-to-date checkout cost nothing here: the server code (TypeScript) and the admin panel
 * (much the longer of the two to build) each have their own inputs and stamp.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ensureLocalSecrets, loadEnv, readEnvFile } from '@clermontech/config';
import { importedOutside } from './admin-imports.mts';

const cmsRoot = resolve(import.meta.dirname, '..');
const distDir = join(cmsRoot, 'dist');
const lockDir = join(cmsRoot, '.build-lock');
const require = createRequire(import.meta.url);

interface Part {
  name: string;
  stamp: string;
  inputs: string[];
  /** Files found at hashing time, besides `inputs`. */
  discovered?: () => string[];
  /** Paths (under cms/) left out of `inputs`. */
  excluded?: string[];
  /** Values outside the files that end up in the output. */
  extra?: () => string;
  output: string;
}

const server: Part = {
  name: 'server',
  stamp: join(distDir, '.server-hash'),
  inputs: ['config', 'src', 'package.json', 'tsconfig.json', '../config/dist'],
  excluded: ['src/admin'],
  output: join(distDir, 'src', 'index.js'),
};

const admin: Part = {
  name: 'admin panel',
  stamp: join(distDir, '.admin-hash'),
  inputs: ['src/admin', 'src/plugins', 'package.json', '../package-lock.json', '../config/dist'],
  discovered: () => importedOutside(join(cmsRoot, 'src/admin'), files(join(cmsRoot, 'src/admin'), [])),
  // The admin's path is compiled into the panel.
  extra: () => loadEnv().CMS_ADMIN_PATH,
  output: join(distDir, 'build', 'index.html'),
};

function* files(path: string, excluded: string[]): Generator<string> {
  if (!existsSync(path) || excluded.includes(relative(cmsRoot, path))) return;
  if (statSync(path).isFile()) {
    yield path;
    return;
  }
  for (const entry of readdirSync(path).sort()) yield* files(join(path, entry), excluded);
}

function hashOf(part: Part): string {
  const hash = createHash('sha256');
  const inputs = part.inputs.flatMap((input) => [...files(resolve(cmsRoot, input), part.excluded ?? [])]);
  for (const file of [...inputs, ...(part.discovered?.() ?? [])]) {
    hash.update(relative(cmsRoot, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  hash.update(part.extra?.() ?? '');
  return hash.digest('hex');
}

function isFresh(part: Part, hash: string): boolean {
  return existsSync(part.output) && existsSync(part.stamp) && readFileSync(part.stamp, 'utf8') === hash;
}

function run(label: string, args: string[]): void {
  console.log(label);
  const result = spawnSync(process.execPath, args, {
    cwd: cmsRoot,
    stdio: 'inherit',
    env: { ...readEnvFile(), ...process.env, NODE_ENV: 'production', STRAPI_TELEMETRY_DISABLED: 'true' },
  });
  if (result.status !== 0) {
    console.error('The CMS build failed (see above).');
    rmSync(lockDir, { recursive: true, force: true });
    process.exit(result.status ?? 1);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * One build at a time: CMS processes started together (tests booting several CMSes, `npm test` beside
 * `npm start`) would otherwise all rebuild the same `dist/` at once. A lock left by a dead process is
 * taken over.
 */
function withBuildLock(work: () => void): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(existsSync(join(lockDir, 'pid')) ? readFileSync(join(lockDir, 'pid'), 'utf8') : NaN);
      if (Number.isInteger(owner) && !isAlive(owner)) rmSync(lockDir, { recursive: true, force: true });
      else Atomics.wait(pause, 0, 0, 200);
    }
  }
  try {
    writeFileSync(join(lockDir, 'pid'), String(process.pid));
    work();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

export function buildIfNeeded(): void {
  // Strapi loads its whole configuration, secrets included, even to build the admin panel.
  if (process.env.NODE_ENV !== 'production') ensureLocalSecrets();
  withBuildLock(buildStaleParts);
}

/**
 * tsc never deletes an output: a source since moved or deleted would stay compiled in dist/, where Strapi
 * still loads it (an API folder renamed would be served twice). After each compile the outputs without a
 * source go; the others stay in place, since a CMS booting at that moment is reading them.
 */
function removeOrphanOutputs(): void {
  for (const top of ['src', 'config']) {
    for (const output of [...files(join(distDir, top), [])]) {
      const source = join(cmsRoot, relative(distDir, output));
      const candidates = output.endsWith('.json')
        ? [source]
        : ['.ts', '.tsx', '.mts', '.js'].map((extension) => source.replace(/\.js(\.map)?$/, extension));
      if (!candidates.some((candidate) => existsSync(candidate))) rmSync(output);
    }
    removeEmptyFolders(join(distDir, top));
  }
}

function removeEmptyFolders(path: string): void {
  if (!existsSync(path) || !statSync(path).isDirectory()) return;
  for (const entry of readdirSync(path)) removeEmptyFolders(join(path, entry));
  if (readdirSync(path).length === 0) rmSync(path, { recursive: true });
}

function buildStaleParts(): void {
  const serverHash = hashOf(server);
  const adminHash = hashOf(admin);
  if (!isFresh(admin, adminHash)) {
    const strapiBin = join(dirname(require.resolve('@strapi/strapi/package.json')), 'bin', 'strapi.js');
    run('Building the CMS (TypeScript and admin panel)…', [strapiBin, 'build']);
  } else if (!isFresh(server, serverHash)) {
    run('Compiling the CMS…', [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json']);
  } else {
    return;
  }
  mkdirSync(distDir, { recursive: true });
  removeOrphanOutputs();
  writeFileSync(server.stamp, serverHash);
  writeFileSync(admin.stamp, adminHash);
}

if (import.meta.filename === process.argv[1]) buildIfNeeded();
