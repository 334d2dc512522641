import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, startCms, type RunningCms } from '../../../tests/helpers/cms.ts';
import { buildSite, type SiteBuild } from '../../../tests/helpers/site.ts';
import { FIXTURE, removeUploads, runImporter, stopImporters, type ImportRun } from '../../../tests/helpers/importer.ts';

interface VerifyRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `npm run verify:import`'s script on a Jekyll site and a built site. */
function runVerify(cms: RunningCms, built: string): Promise<VerifyRun> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, ...cms.env };
    delete env.VITEST;
    const child = spawn(
      process.execPath,
      [join(repoRoot, 'importer/scripts/verify-import.ts'), FIXTURE, built, '--cms-url', cms.url],
      { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The row of a field in the verify table: [right, wrong]. */
function row(stdout: string, field: string): [number, number] | undefined {
  const match = new RegExp(`^${field}\\s+(\\d+)\\s+(\\d+)$`, 'm').exec(stdout);
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

describe('verifying the import against the built site (SQLite)', () => {
  let cms: RunningCms;
  let imported: ImportRun;
  let build: SiteBuild;

  beforeAll(async () => {
    cms = await startCms({ seedDemo: false });
    imported = await runImporter(cms);
    build = await buildSite({
      CMS_URL: cms.url,
      CMS_TOKEN: cms.env.CMS_TOKEN!,
      SITE_URL: 'https://www.clermontech.org',
    });
  });

  afterAll(async () => {
    stopImporters();
    if (cms) await removeUploads(cms).catch(() => undefined);
    await cms?.destroy();
    if (build) {
      rmSync(build.outDir, { recursive: true, force: true });
      rmSync(`${build.outDir}.cache`, { recursive: true, force: true });
    }
  });

  it('imports the fixture with exit code 0, every warning with its file and line', () => {
    expect(imported.code, imported.stderr).toBe(0);
    const warnings = imported.report!.issues.filter((issue) => issue.level === 'warning');
    for (const warning of warnings) expect(warning.line, `${warning.file}: ${warning.message}`).toBeGreaterThan(0);
    expect(imported.stdout).toMatch(
      /^ {2}_posts\/2017-01-27-api-hour-25\.md:\d+ \[startsAt\]: the prose says 2016-02-01/m,
    );
  });

  it('finds every old post right on its new page: 0 wrong fields', async () => {
    expect(build.exitCode, build.output.slice(-2000)).toBe(0);
    const verified = await runVerify(cms, build.outDir);
    expect(verified.stdout).toMatch(/^Pages checked: 229$/m);
    expect(verified.stdout, verified.stdout + verified.stderr).not.toMatch(/^Wrong:/m);
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
    for (const field of [
      'page',
      'old URL',
      'title',
      'date',
      'venue',
      'talks',
      'speakers',
      'links',
      'images',
      'words',
      'markup',
    ]) {
      const [right, wrong] = row(verified.stdout, field) ?? [0, -1];
      expect(wrong, field).toBe(0);
      expect(right, field).toBeGreaterThan(0);
    }
    // The classes of issue 22 the fixture shows, page by page.
    const api7 = readFileSync(join(build.outDir, 'api-hours/api-hour-7/index.html'), 'utf8');
    expect(api7).not.toContain('/images/github-corpo.png');
    const api38 = readFileSync(join(build.outDir, 'api-hours/api-hour-38/index.html'), 'utf8');
    expect(api38).toContain('href="https://www.openstreetmap.org/?query=11%20rue%20niel%2063100%20clermont-ferrand"');
    const workshop = readFileSync(join(build.outDir, 'evenements/workshop-1-git/index.html'), 'utf8');
    expect(workshop).toMatch(/<table>/);
    expect(workshop).not.toMatch(/<pre><code>[^<]*&lt;t[dr]/);
  });

  it('says which field of which old page is wrong, and exits 1', async () => {
    const tampered = mkdtempSync(join(tmpdir(), 'clermontech-verify-'));
    try {
      cpSync(build.outDir, tampered, { recursive: true });
      const page = join(tampered, 'api-hours/api-hour-21/index.html');
      // The programme in file-name order (a wrong order an importer could make), and an image lost.
      const html = readFileSync(page, 'utf8');
      const talks = [...html.matchAll(/href="(\/talks\/[^"]+)"/g)].map((match) => match[1]!);
      const [first, , last] = [...new Set(talks)];
      writeFileSync(page, html.replaceAll(first!, '\u0000').replaceAll(last!, first!).replaceAll('\u0000', last!));
      const api7 = join(tampered, 'api-hours/api-hour-7/index.html');
      // An image of the page's text (the header's logo is the site's, not the old page's).
      writeFileSync(api7, readFileSync(api7, 'utf8').replace(/(class="prose"[\s\S]*?)<img\b[^>]*>/, '$1'));
      const verified = await runVerify(cms, tampered);
      expect(verified.code).toBe(1);
      expect(verified.stdout).toMatch(
        /^ {2}\/api-hours\/api-hour-21\.html → \/api-hours\/api-hour-21\/ \[talks\]: talks in the order/m,
      );
      expect(verified.stdout).toMatch(
        /^ {2}\/api-hours\/api-hour-7\.html → \/api-hours\/api-hour-7\/ \[images\]: \d+ images shown, \d+ on the old page/m,
      );
    } finally {
      rmSync(tampered, { recursive: true, force: true });
    }
  });
});
