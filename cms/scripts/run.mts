/**
 * Starts the CMS: checks the environment, generates local secrets on a developer's first start,
 * builds what changed, then runs Strapi. Errors are one line, not a stack trace.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { ConfigError, prepareCmsEnvironment, readEnvFile } from '@clermontech/config';
import { buildIfNeeded } from './build.mts';

const cmsRoot = resolve(import.meta.dirname, '..');
const mode = process.argv[2] === 'develop' ? 'develop' : 'start';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

try {
  prepareCmsEnvironment();
} catch (error) {
  if (error instanceof ConfigError) fail(error.message);
  throw error;
}

if (mode === 'start') buildIfNeeded();

const strapiBin = join(
  dirname(createRequire(import.meta.url).resolve('@strapi/strapi/package.json')),
  'bin',
  'strapi.js',
);
const child = spawn(process.execPath, [strapiBin, mode, ...(mode === 'develop' ? ['--no-watch-admin'] : [])], {
  cwd: cmsRoot,
  stdio: 'inherit',
  env: {
    ...readEnvFile(),
    ...process.env,
    STRAPI_TELEMETRY_DISABLED: 'true',
  },
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
