import type { ApiFigures } from './scenarios/api.ts';
import { BUILD_KINDS, type BuildFigures, type BuildResult } from './scenarios/build.ts';
import type { PublishResult } from './scenarios/publish.ts';
import type { RegistrationRushFigures } from './scenarios/registrations.ts';
import { PAGE_KINDS, type WeightResult } from './scenarios/weight.ts';
import { formatKiB, formatNumber, formatSummary, renderTable, type Table } from './table.ts';
import type { TargetResult } from './targets.ts';

export const SCENARIOS = ['build', 'publish', 'api', 'weight', 'registrations'] as const;
/** Scenarios run once on their own CMS, not on each corpus. */
export const STANDALONE_SCENARIOS: readonly Scenario[] = ['registrations'];
export type Scenario = (typeof SCENARIOS)[number];
export type Database = 'sqlite' | 'postgres';

/** Everything measured on one corpus. A scenario that was not run is absent. */
export interface CorpusReport {
  /** Why the corpus could not be loaded (the fixture while its importer is unusable). */
  unavailable?: string;
  /** Published entries per collection. */
  entries?: Record<string, number>;
  loadSeconds?: number;
  build?: Omit<BuildResult, 'apiPaths' | 'outDir'>;
  /** One per path measured (PublishResult.sharedFiles), in the order they ran. */
  publish?: PublishResult[];
  /** Per database; a string says why that database was not measured. */
  api?: Partial<Record<Database, ApiFigures | string>>;
  weight?: WeightResult;
  /** Scenarios that failed, with their error's first lines. */
  errors?: Partial<Record<Scenario, string>>;
  /** Scenarios deliberately not run on this corpus, and why. */
  skipped?: Partial<Record<Scenario, string>>;
}

export interface BenchReport {
  startedAt: string;
  durationSeconds: number;
  machine: { cpus: number; memoryGiB: number; node: string; loadAverage: number[] };
  /** The commit measured, and whether the working tree had changes on top of it. */
  tree: { commit: string; dirty: boolean };
  options: Record<string, unknown>;
  corpora: Record<string, CorpusReport>;
  /** The registration rush, per database; a string says why it was not measured. */
  registrations?: Partial<Record<Database, RegistrationRushFigures | string>>;
  targets: TargetResult[];
}

const corpusNames = (report: BenchReport) => Object.keys(report.corpora);

function corporaTable(report: BenchReport): Table {
  const rows = Object.entries(report.corpora).map(([name, corpus]) => {
    if (corpus.unavailable) return [name, `unavailable: ${corpus.unavailable}`];
    const entries = corpus.entries ?? {};
    const total = Object.values(entries).reduce((a, b) => a + b, 0);
    return [
      name,
      String(total),
      ...['events', 'talks', 'speakers', 'posts'].map((type) => String(entries[type] ?? '–')),
      formatNumber(corpus.loadSeconds, 1),
    ];
  });
  return {
    title: 'Corpora',
    headers: ['corpus', 'entries', 'events', 'talks', 'speakers', 'posts', 'load s (not counted)'],
    rows,
  };
}

function buildTables(report: BenchReport): Table[] {
  const rows: string[][] = [];
  const phases: string[][] = [];
  for (const name of corpusNames(report)) {
    const build = report.corpora[name]!.build;
    if (!build) continue;
    for (const kind of BUILD_KINDS) {
      const figures: BuildFigures = build[kind];
      rows.push([
        name,
        kind,
        String(figures.pages),
        String(figures.restoredPages),
        formatSummary(figures.seconds),
        formatSummary(figures.pagesPerSecond, 0),
        formatSummary(figures.peakRssMiB, 0),
        formatSummary(figures.cmsRequests, 0),
        formatSummary(figures.mediaRequests, 0),
      ]);
      const split = Object.entries(figures.peakRssByProcessMiB)
        .sort((a, b) => b[1] - a[1])
        .map(([command, mib]) => `${command} ${mib}`)
        .join(', ');
      phases.push([name, kind, ...Object.values(figures.phases).map((ms) => (ms / 1000).toFixed(1)), split]);
    }
    rows.push([name, 'cold ÷ change', '', '', `${build.coldOverChange.toFixed(1)}×`, '', '', '', '']);
  }
  if (!rows.length) return [];
  return [
    {
      title: 'Site build (median (min–max) over runs)',
      headers: [
        'corpus',
        'build',
        'pages',
        'restored',
        'seconds',
        'pages/s',
        'peak RSS MiB',
        'CMS API req',
        'media req',
      ],
      rows,
      notes: [
        'pages: HTML files written, legacy redirects included; restored: pages Astro’s incremental build took from its cache instead of rendering. coldNoImages: Astro and Vite caches and the encoded images deleted; cold: Astro and Vite caches deleted, the encoded images (kept by content across builds) stay; warm: nothing changed; change: one talk retitled.',
      ],
    },
    {
      title: 'Where a build spends its time (median seconds) and memory (MiB at the peak)',
      headers: [
        'corpus',
        'build',
        'startup',
        'content sync',
        'build info',
        'bundle',
        'render',
        'images',
        'post-build',
        'peak RSS by command',
      ],
      rows: phases,
      notes: ['From the arrival of each line of Astro’s output. post-build: sitemap and Pagefind index, then exit.'],
    },
  ];
}

function publishTable(report: BenchReport): Table[] {
  const rows: string[][] = [];
  for (const name of corpusNames(report)) {
    for (const publish of report.corpora[name]!.publish ?? []) {
      const { timeline, burst } = publish;
      rows.push([
        `${name}, ${publish.sharedFiles ? 'shared' : 'copied'}`,
        formatSummary(publish.single),
        publish.single.p95.toFixed(1),
        `${timeline.publish.toFixed(2)} / ${timeline.webhookAndQueue.toFixed(2)} / ${timeline.build.toFixed(1)} / ${timeline.swapToServed.toFixed(2)}`,
        `${burst.seconds.toFixed(1)} s (${burst.afterLastEdit.toFixed(1)} s after the last edit), ${burst.buildsAfterLastEdit} build after last edit, ${burst.buildsStarted} started`,
        timeline.searchIndexAfter.toFixed(1),
        publish.firstReleaseSeconds.toFixed(1),
        (publish.differencesFromCleanBuild.length === 0
          ? 'identical'
          : `${publish.differencesFromCleanBuild.length} files differ: ${publish.differencesFromCleanBuild.slice(0, 3).join(', ')}`) +
          (publish.codeChanged ? ' (site code changed during the run: not comparable)' : ''),
        `${publish.releasesOnDisk.mebibytes} MiB, ${publish.releasesOnDisk.releases} releases`,
      ]);
    }
  }
  if (!rows.length) return [];
  return [
    {
      title: 'Publish-to-live (seconds, click on Publish → new title served)',
      headers: [
        'corpus',
        'single edits median (min–max)',
        'p95',
        'publish / webhook+queue / build / swap→served',
        'burst',
        'search index after',
        'first release',
        'live vs clean build',
        'releases on disk',
      ],
      rows,
      notes: [
        'copied: each release’s unchanged pages copied from Astro’s cache (PUBLISHER_SHARE_RELEASE_FILES=false, the path before); shared: linked from the live release (site/src/integrations/shared-release-files.ts).',
        'build: as the publisher times it (astro build + release gate + swap); webhook+queue: CMS answered → that build started.',
        'search index after: once the new pages are live, Pagefind indexes them and the indexed copy is swapped in (search is one change behind meanwhile).',
        'first release: publisher started → its first pages live, cold; the release with the preview’s server it builds next is not counted.',
        'live vs clean build: after all the edits, every file of the live release compared with a clean build of the same content (site/publisher/release-diff.ts).',
        'releases on disk: the releases kept at the end, a file linked from several counted once.',
      ],
    },
  ];
}

function apiTable(report: BenchReport): Table[] {
  const rows: string[][] = [];
  for (const name of corpusNames(report)) {
    const api = report.corpora[name]!.api;
    if (!api) continue;
    for (const [database, figures] of Object.entries(api)) {
      if (typeof figures === 'string') rows.push([name, database, figures]);
      else
        rows.push([
          name,
          database,
          String(figures.buildRequests),
          String(figures.requests),
          formatSummary(figures.requestsPerSecond, 0),
          formatSummary(figures.p95Ms, 0),
          formatSummary(figures.medianMs, 0),
        ]);
    }
  }
  if (!rows.length) return [];
  return [
    {
      title: 'CMS API: the loader’s requests replayed, 10 at a time',
      headers: ['corpus', 'database', 'req per build', 'req per run', 'req/s', 'p95 ms', 'median ms'],
      rows,
    },
  ];
}

function weightTable(report: BenchReport): Table[] {
  const rows: string[][] = [];
  const failed: string[] = [];
  for (const name of corpusNames(report)) {
    const weight = report.corpora[name]!.weight;
    if (!weight) continue;
    for (const kind of PAGE_KINDS) {
      const page = weight[kind];
      const scores =
        'skipped' in page.lighthouse ? page.lighthouse.skipped : Object.values(page.lighthouse).join(' / ');
      rows.push([
        name,
        kind,
        `${formatKiB(page.html.raw)} / ${formatKiB(page.html.gzip)}`,
        `${formatKiB(page.css.raw)} / ${formatKiB(page.css.gzip)}`,
        `${formatKiB(page.js.raw)} / ${formatKiB(page.js.gzip)}`,
        formatKiB(page.fonts.raw),
        page.ogImage ? formatKiB(page.ogImage.bytes) : '–',
        page.scripts
          .map((script) => script.replace(/^\/_astro\//, '').replace(/\.astro_astro_type_script.*$/, ''))
          .join(', ') || '–',
        scores,
      ]);
      if (page.lighthouseFailedAudits.length) failed.push(`${name} ${kind}: ${page.lighthouseFailedAudits.join(', ')}`);
    }
  }
  if (!rows.length) return [];
  return [
    {
      title:
        'Page weight (KiB raw / gzip; fonts and social card as served) and Lighthouse (performance / accessibility / best practices / SEO)',
      headers: ['corpus', 'page', 'HTML', 'CSS', 'JS', 'fonts', 'OG image', 'scripts', 'Lighthouse'],
      rows,
      notes: failed.length ? ['Failed Lighthouse audits:', ...failed.map((line) => `  ${line}`)] : [],
    },
  ];
}

function registrationsTable(report: BenchReport): Table[] {
  const rows = Object.entries(report.registrations ?? {}).map(([database, figures]) =>
    typeof figures === 'string'
      ? [database, figures]
      : [
          database,
          `${figures.registrations} in ${figures.spreadSeconds} s for ${figures.places}`,
          formatNumber(figures.postP95Ms),
          formatNumber(figures.postMedianMs),
          formatNumber(figures.confirmP95Ms),
          `${figures.confirmed} / ${figures.waiting}`,
          `${figures.stored} / ${figures.mailed}`,
        ],
  );
  if (!rows.length) return [];
  return [
    {
      title: 'Registration rush: the form posted from as many addresses, then every confirmation link at once',
      headers: [
        'database',
        'rush',
        'POST p95 ms',
        'POST median ms',
        'confirm p95 ms',
        'confirmed / waiting',
        'stored / e-mailed',
      ],
      rows,
    },
  ];
}

function targetsTable(report: BenchReport): Table {
  return {
    title: 'Targets',
    headers: ['target', 'measured', ''],
    rows: report.targets.map(({ target, figure, met }) => [
      target,
      figure,
      met === undefined ? 'not measured' : met ? 'met' : 'MISSED',
    ]),
  };
}

function problemsTable(report: BenchReport): Table[] {
  const rows = Object.entries(report.corpora).flatMap(([name, corpus]) => [
    ...Object.entries(corpus.errors ?? {}).map(([scenario, error]) => [
      name,
      scenario,
      `failed: ${error.split('\n')[0]}`,
    ]),
    ...Object.entries(corpus.skipped ?? {}).map(([scenario, why]) => [name, scenario, `not run: ${why}`]),
  ]);
  return rows.length ? [{ title: 'Not measured', headers: ['corpus', 'scenario', ''], rows }] : [];
}

/** The whole report as text tables. */
export function renderReport(report: BenchReport): string {
  const { machine } = report;
  const tree = `${report.tree.commit}${report.tree.dirty ? ' + uncommitted changes' : ''}`;
  const header = `# Clermont'ech bench — ${report.startedAt}, ${report.durationSeconds.toFixed(0)} s, ${tree}; ${machine.cpus} CPUs, ${machine.memoryGiB.toFixed(0)} GiB, Node ${machine.node}, load ${machine.loadAverage.map((load) => load.toFixed(1)).join(' ')}\n`;
  const tables = [
    corporaTable(report),
    ...buildTables(report),
    ...publishTable(report),
    ...apiTable(report),
    ...weightTable(report),
    ...registrationsTable(report),
    ...problemsTable(report),
    targetsTable(report),
  ];
  return [header, ...tables.map(renderTable)].join('\n');
}
