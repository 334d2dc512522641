import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { repoRoot } from './cms.ts';

/** Debian's Chromium (installed by .ci/run): Playwright's own browser downloads are not reachable here. */
export function chromiumPath(): string {
  const path =
    process.env.CHROMIUM_PATH ??
    execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim();
  if (!path)
    throw new Error('Chromium not found: apt-get install chromium (the browser tests drive Debian’s Chromium)');
  return path;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Where screenshots go (git-ignored): kept by CI runs as artifacts. */
export function artifactPath(name: string): string {
  const dir = join(repoRoot, 'tests', 'artifacts');
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}
