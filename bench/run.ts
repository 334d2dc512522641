/**
 * The benchmark suite: the real CMS, the real site build and the real publisher, on one machine.
 *
 *   npm run bench -- [--scenario build,publish,api,weight] [--corpus demo,fixture,x10,x100] [--runs 3]
 *                    [--edits 10] [--burst 20] [--db sqlite,postgres] [--lighthouse-runs 1]
 *                    [--publish-max-scale 10] [--json <file>]
 *
 * Prints the tables (and the targets, met or missed); `--json` writes the same figures as JSON.
 */
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '../tests/helpers/cms.ts';
import { freePort } from '../tests/helpers/ports.ts';
import { postgresServerUrl } from '../tests/helpers/postgres.ts';
import { CorpusUnavailable, isCorpusName, loadCorpus, syntheticScale, type Corpus } from './corpus/load.ts';
import {
  renderReport,
  SCENARIOS,
  STANDALONE_SCENARIOS,
  type BenchReport,
  type CorpusReport,
  type Database,
  type Scenario,
} from './report.ts';
import { benchApi } from './scenarios/api.ts';
import { benchBuild, buildForOtherScenarios } from './scenarios/build.ts';
import { benchPublish } from './scenarios/publish.ts';
import { benchRegistrationRush } from './scenarios/registrations.ts';
import { benchWeight } from './scenarios/weight.ts';
import { evaluateTargets } from './targets.ts';
import { stopEverything } from './tools/cleanup.ts';

const USAGE = `Usage: npm run bench -- [options]

  --scenario <list>          build, publish, api, weight, registrations (default: all)
  --corpus <list>            demo, fixture, x<scale> e.g. x10, x100, x0.2 (default: demo,fixture,x10,x100)
  --runs <n>                 repetitions of each measure (default: 3)
  --edits <n>                single publish-to-live edits (default: 10)
  --burst <n>                edits in the burst (default: 20)
  --db <list>                databases of the API scenario: sqlite, postgres (default: both when DATABASE_URL is set)
  --lighthouse-runs <n>      Lighthouse runs per page; 0 skips Lighthouse (default: 1)
  --publish-max-scale <n>    no publish scenario on synthetic corpora above this scale: every edit is a full build (default: 10)
  --json <file>              also write the figures as JSON
  -h, --help`;

function list(value: string | undefined, fallback: string[]): string[] {
  return value
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    : fallback;
}

function count(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new Error(`--${name} must be a whole number, not ${value}`);
  return number;
}

function parseOptions() {
  const { values } = parseArgs({
    options: {
      scenario: { type: 'string' },
      corpus: { type: 'string' },
      runs: { type: 'string' },
      edits: { type: 'string' },
      burst: { type: 'string' },
      db: { type: 'string' },
      'lighthouse-runs': { type: 'string' },
      'publish-max-scale': { type: 'string' },
      json: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const scenarios = list(values.scenario, [...SCENARIOS]);
  const unknownScenario = scenarios.find((scenario) => !SCENARIOS.includes(scenario as Scenario));
  if (unknownScenario) throw new Error(`unknown scenario ${unknownScenario}`);
  const corpora = list(values.corpus, ['demo', 'fixture', 'x10', 'x100']);
  const unknownCorpus = corpora.find((name) => !isCorpusName(name));
  if (unknownCorpus) throw new Error(`unknown corpus ${unknownCorpus}`);
  const databases = list(values.db, postgresServerUrl ? ['sqlite', 'postgres'] : ['sqlite']);
  if (databases.some((database) => database !== 'sqlite' && database !== 'postgres'))
    throw new Error(`--db takes sqlite and postgres`);
  const runs = count(values.runs, 3, 'runs');
  if (runs < 1) throw new Error('--runs must be at least 1');
  return {
    scenarios: scenarios as Scenario[],
    corpora,
    runs,
    edits: Math.max(1, count(values.edits, 10, 'edits')),
    burst: Math.max(1, count(values.burst, 20, 'burst')),
    databases: databases as Database[],
    lighthouseRuns: count(values['lighthouse-runs'], 1, 'lighthouse-runs'),
    publishMaxScale: Number(values['publish-max-scale'] ?? 10),
    json: values.json ? resolve(process.env.INIT_CWD ?? process.cwd(), values.json) : undefined,
  };
}

type Options = ReturnType<typeof parseOptions>;

const firstLines = (error: unknown) =>
  (error instanceof Error ? (error.stack ?? error.message) : String(error)).split('\n').slice(0, 6).join('\n');

/** Runs `measure`, recording its failure in the report instead of stopping the whole bench. */
async function attempt<T>(report: CorpusReport, scenario: Scenario, measure: () => Promise<T>): Promise<T | undefined> {
  try {
    return await measure();
  } catch (error) {
    report.errors = { ...report.errors, [scenario]: firstLines(error) };
    console.error(`  ${scenario} failed: ${firstLines(error)}`);
    return undefined;
  }
}

function tree(): BenchReport['tree'] {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim();
  try {
    return { commit: git('rev-parse', '--short', 'HEAD'), dirty: git('status', '--porcelain').length > 0 };
  } catch {
    return { commit: 'unknown', dirty: false };
  }
}

const log = (line: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

async function apiOnPostgres(name: string, paths: string[], runs: number) {
  if (!postgresServerUrl) return 'DATABASE_URL is not set';
  const corpus = await loadCorpus(name, { database: 'postgres', sitePort: await freePort() });
  try {
    return await benchApi(corpus.cms, paths, { runs });
  } finally {
    await corpus.destroy();
  }
}

async function benchCorpus(name: string, options: Options): Promise<CorpusReport> {
  const report: CorpusReport = {};
  const selected = (scenario: Scenario) => options.scenarios.includes(scenario);
  log(`${name}: loading the corpus`);
  let corpus: Corpus;
  try {
    corpus = await loadCorpus(name, { database: 'sqlite', sitePort: await freePort() });
  } catch (error) {
    if (!(error instanceof CorpusUnavailable)) throw error;
    log(`${name}: unavailable: ${error.message}`);
    return { unavailable: error.message };
  }
  report.entries = corpus.entries;
  report.loadSeconds = corpus.loadSeconds;
  const siteUrl = `http://127.0.0.1:${corpus.sitePort}`;
  let outDir: string | undefined;
  try {
    let apiPaths: string[] = [];
    if (selected('build')) {
      log(`${name}: build ×${options.runs} (cold, warm, one change)`);
      const built = await attempt(report, 'build', () => benchBuild(corpus, { runs: options.runs, siteUrl }));
      if (built) {
        const { apiPaths: paths, outDir: dir, ...figures } = built;
        report.build = figures;
        apiPaths = paths;
        outDir = dir;
      }
    } else if (selected('api') || selected('weight')) {
      log(`${name}: one build for the API and page-weight scenarios`);
      ({ apiPaths, outDir } = (await attempt(report, selected('weight') ? 'weight' : 'api', () =>
        buildForOtherScenarios(corpus, siteUrl),
      )) ?? { apiPaths: [] });
    }
    if (selected('weight') && outDir) {
      log(`${name}: page weight and Lighthouse`);
      const dir = outDir;
      outDir = undefined;
      report.weight = await attempt(report, 'weight', () =>
        benchWeight(corpus, dir, { lighthouseRuns: options.lighthouseRuns }),
      );
    }
    if (selected('api') && apiPaths.length) {
      report.api = {};
      for (const database of options.databases) {
        log(`${name}: CMS API on ${database}`);
        const figures = await attempt(report, 'api', () =>
          database === 'sqlite'
            ? benchApi(corpus.cms, apiPaths, { runs: options.runs })
            : apiOnPostgres(name, apiPaths, options.runs),
        );
        if (figures) report.api[database] = figures;
      }
    }
    if (selected('publish')) {
      const scale = syntheticScale(name);
      if (scale && scale > options.publishMaxScale) {
        report.skipped = { publish: `×${scale} is above --publish-max-scale ${options.publishMaxScale}` };
      } else {
        // The path before shared release files first, then the publisher as it runs, in the same run.
        for (const shareFiles of [false, true]) {
          const path = shareFiles ? 'sharing the live release’s files' : 'copying from Astro’s cache';
          log(`${name}: publish-to-live ${path}, ${options.edits} edits and a burst of ${options.burst}`);
          const result = await attempt(report, 'publish', () =>
            benchPublish(corpus, { edits: options.edits, burstSize: options.burst, shareFiles }),
          );
          if (result) (report.publish ??= []).push(result);
        }
      }
    }
  } finally {
    if (outDir) rmSync(outDir, { recursive: true, force: true });
    await corpus.destroy();
  }
  return report;
}

async function main(): Promise<void> {
  let options: Options;
  try {
    options = parseOptions();
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping the CMS and publisher processes…`);
      void stopEverything().finally(() => process.exit(130));
    });
  }
  const started = new Date();
  const report: BenchReport = {
    startedAt: started.toISOString(),
    durationSeconds: 0,
    machine: { cpus: cpus().length, memoryGiB: totalmem() / 2 ** 30, node: process.version, loadAverage: loadavg() },
    tree: tree(),
    options: { ...options, json: undefined },
    corpora: {},
    targets: [],
  };
  if (options.scenarios.some((scenario) => !STANDALONE_SCENARIOS.includes(scenario))) {
    for (const name of options.corpora) report.corpora[name] = await benchCorpus(name, options);
  }
  if (options.scenarios.includes('registrations')) {
    report.registrations = {};
    for (const database of options.databases) {
      log(`registration rush on ${database}`);
      report.registrations[database] = await benchRegistrationRush(database).catch(
        (error: unknown) => `failed: ${firstLines(error).split('\n')[0]}`,
      );
    }
  }
  report.durationSeconds = (Date.now() - started.getTime()) / 1000;
  report.targets = evaluateTargets(report);
  console.log(renderReport(report));
  if (options.json) writeFileSync(options.json, `${JSON.stringify(report, null, 2)}\n`);
}

await main();
