import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromiumPath } from '../../tests/helpers/browser.ts';
import { repoRoot } from '../../tests/helpers/cms.ts';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type LighthouseScores = Record<(typeof CATEGORIES)[number], number>;

export interface LighthouseResult {
  scores: LighthouseScores;
  /** Weighted audits below Lighthouse's "passed" mark (0.9): what stands between a score and 100. */
  failedAudits: string[];
}

interface Report {
  runtimeError?: { message: string };
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { score: number | null; details?: { items?: AuditItem[] } }>;
}

interface AuditItem {
  description?: string;
  issueType?: string;
  source?: string;
  url?: string;
  node?: { snippet?: string };
}

/** What the audit found first, in a few words: enough to know where to look. */
function firstFinding(items: AuditItem[] | undefined): string {
  const item = items?.[0];
  if (!item) return '';
  const text = item.description ?? item.issueType ?? item.node?.snippet ?? item.url ?? '';
  return text ? ` (${text.replace(/\s+/g, ' ').slice(0, 140)})` : '';
}

/** Lighthouse's CLI, if the `lighthouse` package is installed; otherwise why not. */
export function lighthouseCli(): { cli: string } | { unavailable: string } {
  try {
    const packageJson = createRequire(join(repoRoot, 'package.json')).resolve('lighthouse/package.json');
    return { cli: join(dirname(packageJson), 'cli', 'index.js') };
  } catch {
    return { unavailable: 'the lighthouse package is not installed' };
  }
}

/** Scores (0–100) of one page, by Lighthouse's CLI driving Debian's Chromium (mobile, simulated throttling: its defaults). */
export async function lighthouse(cli: string, url: string): Promise<LighthouseResult> {
  const dir = mkdtempSync(join(tmpdir(), 'clermontech-bench-lighthouse-'));
  const report = join(dir, 'report.json');
  try {
    const args = [
      cli,
      url,
      '--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking',
      `--only-categories=${CATEGORIES.join(',')}`,
      '--output=json',
      `--output-path=${report}`,
      '--quiet',
    ];
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, args, {
        env: { ...process.env, CHROME_PATH: chromiumPath() },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let text = '';
      child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) =>
        code === 0
          ? resolve(text)
          : reject(new Error(`lighthouse failed on ${url} (exit ${code}): ${text.slice(-1000)}`)),
      );
    });
    const result = JSON.parse(readFileSync(report, 'utf8')) as Report;
    if (result.runtimeError)
      throw new Error(`lighthouse on ${url}: ${result.runtimeError.message}\n${output.slice(-500)}`);
    const scores = Object.fromEntries(
      CATEGORIES.map((category) => [category, Math.round((result.categories[category]?.score ?? 0) * 100)]),
    ) as LighthouseScores;
    const failedAudits = CATEGORIES.flatMap((category) =>
      (result.categories[category]?.auditRefs ?? [])
        .filter(({ id, weight }) => weight > 0 && (result.audits[id]?.score ?? 1) < 0.9)
        .map(({ id }) => `${category}:${id}${firstFinding(result.audits[id]?.details?.items)}`),
    );
    return { scores, failedAudits };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
