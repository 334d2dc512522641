/**
 * Builds the CMS (TypeScript and admin panel) only when its sources changed since the last build,
 * so `npm start` and `npm test` on an up-to-date checkout cost nothing here.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ensureLocalSecrets, readEnvFile } from '@clermontech/config';

const cmsRoot = resolve(import.meta.dirname, '..');
const stampFile = join(cmsRoot, 'dist', '.sources-hash');
const INPUTS = ['config', 'src', 'package.json', 'tsconfig.json', '../config/dist'];

function* files(path: string): Generator<string> {
  if (!existsSync(path)) return;
  if (statSync(path).isFile()) {
    yield path;
    return;
  }
  for (const entry of readdirSync(path).sort()) yield* files(join(path, entry));
}

export function sourcesHash(): string {
  const hash = createHash('sha256');
  for (const input of INPUTS) {
    for (const file of files(resolve(cmsRoot, input))) {
      hash.update(relative(cmsRoot, file)).update('\0').update(readFileSync(file)).update('\0');
    }
  }
  return hash.digest('hex');
}

export function buildIfNeeded(): void {
  const hash = sourcesHash();
  const upToDate = existsSync(stampFile) && readFileSync(stampFile, 'utf8') === hash && existsSync(join(cmsRoot, 'dist', 'build', 'index.html'));
  if (upToDate) return;
  console.log('Building the CMS (TypeScript and admin panel)…');
  // Strapi loads its whole configuration, secrets included, even to build the admin panel.
  if (process.env.NODE_ENV !== 'production') ensureLocalSecrets();
  const strapiBin = join(dirname(createRequire(import.meta.url).resolve('@strapi/strapi/package.json')), 'bin', 'strapi.js');
  const result = spawnSync(process.execPath, [strapiBin, 'build'], {
    cwd: cmsRoot,
    stdio: 'inherit',
    env: { ...readEnvFile(), ...process.env, NODE_ENV: 'production', STRAPI_TELEMETRY_DISABLED: 'true' },
  });
  if (result.status !== 0) {
    console.error('The CMS build failed (see above).');
    process.exit(result.status ?? 1);
  }
  writeFileSync(stampFile, hash);
}

if (import.meta.filename === process.argv[1]) buildIfNeeded();
