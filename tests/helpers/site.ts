import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { repoRoot } from './cms.ts';

export interface SiteBuild {
  exitCode: number | null;
  output: string;
  outDir: string;
  durationMs: number;
}

/** `npm run site:build`: astro build, then the search index in a process of its own. */
export const SITE_BUILD_SCRIPT = join(repoRoot, 'site', 'scripts', 'build.ts');

/**
 * Runs the real build of site/ (`npm run site:build`: astro build, then the search index) against a CMS, into a fresh
 * directory; of this repository, or of another checkout (`root`, a modified clone).
 */
export function buildSite(
  env: Record<string, string>,
  outDir = mkdtempSync(join(tmpdir(), 'clermontech-site-')),
  root = repoRoot,
): Promise<SiteBuild> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'site', 'scripts', 'build.ts'), '--outDir', outDir], {
      cwd: join(root, 'site'),
      // Its own Astro cache: another build (the publisher's, the benchmark's) never shares its store.
      env: {
        ...process.env,
        SITE_CACHE_DIR: join(outDir, '..', `${basename(outDir)}.cache`),
        ...env,
        FORCE_COLOR: '0',
        ASTRO_TELEMETRY_DISABLED: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (exitCode) => resolve({ exitCode, output, outDir, durationMs: Date.now() - started }));
  });
}
