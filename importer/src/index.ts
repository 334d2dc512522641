import type { LoadedCms } from '@clermontech/cms/load';
import { importBrand } from './brand.ts';
import { planSite } from './plan-site/index.ts';
import { ENTRY_TYPES, type EntryType, type ImportPlan } from './plan.ts';
import { silentProgress, type Progress } from './progress.ts';
import { readJekyllSite } from './reader.ts';
import { emptyCounts, type ImportReport } from './report.ts';
import { Writer } from './writer.ts';

export { formatReport, type ImportReport } from './report.ts';
export { createProgress, type Progress } from './progress.ts';
export { parseEntryType, ENTRY_TYPES, type EntryType } from './plan.ts';
export { SiteError } from './reader.ts';

export interface ImportOptions {
  /** Root of the Jekyll site (the folder with `_config.yml` and `_posts`). */
  site: string;
  /** Parse and report; write nothing (the CMS may then be omitted). */
  dryRun?: boolean;
  /** Only write these types (the others are looked up to link to). Empty: all. */
  only?: EntryType[];
  /** Replace entries edited by hand since they were imported. */
  overwrite?: boolean;
  progress?: Progress;
}

/** Reads and plans the import of a Jekyll site, without a CMS: what `--dry-run` shows. */
export function planImport(site: string): ImportPlan {
  return planSite(readJekyllSite(site));
}

function baseReport(options: ImportOptions, plan: ImportPlan, startedAt: Date): ImportReport {
  const counts = emptyCounts();
  const only = options.only ?? [];
  for (const entry of plan.entries) if (only.length === 0 || only.includes(entry.type)) counts[entry.type].planned++;
  return {
    site: options.site,
    dryRun: Boolean(options.dryRun),
    only,
    overwrite: Boolean(options.overwrite),
    startedAt: startedAt.toISOString(),
    durationMs: 0,
    counts,
    media: { uploaded: 0, reused: 0 },
    entries: [],
    issues: plan.issues,
    files: plan.files,
    changes: 0,
    exitCode: plan.issues.some((issue) => issue.level === 'error') ? 1 : 0,
  };
}

/**
 * Imports a Jekyll site into the CMS: parses every file, then creates or updates the published
 * entries, idempotently (see Writer). Returns the report; never throws for a bad file or entry, only
 * when the site cannot be read at all (SiteError) or the database fails.
 */
export async function runImport(cms: LoadedCms | undefined, options: ImportOptions): Promise<ImportReport> {
  const startedAt = new Date();
  const plan = planImport(options.site);
  const report = baseReport(options, plan, startedAt);
  if (options.dryRun || !cms) {
    report.durationMs = Date.now() - startedAt.getTime();
    return report;
  }
  // Webhooks would rebuild the site once per entry written: the publisher is told once, at the end.
  const signalPublisher = await cms.muteWebhooks();
  const writer = new Writer(cms.strapi, {
    siteRoot: options.site,
    only: new Set(report.only.length ? report.only : ENTRY_TYPES),
    overwrite: Boolean(options.overwrite),
    progress: options.progress ?? silentProgress,
  });
  const result = await writer.write(plan);
  (options.progress ?? silentProgress).finish();
  report.entries = result.entries;
  report.issues = [...plan.issues, ...result.issues];
  report.media = result.media;
  for (const entry of result.entries) report.counts[entry.type][entry.outcome]++;
  report.changes =
    result.entries.filter((entry) => entry.outcome === 'created' || entry.outcome === 'updated').length +
    result.media.uploaded;
  // The logo and mascot belong to no entry type: a full import sets them, a partial one (--only) does not.
  if (report.only.length === 0) {
    const brand = await importBrand(cms.strapi, options.site);
    report.issues.push(...brand.issues);
    if (brand.changed) report.changes++;
  }
  if (result.entries.some((entry) => entry.outcome === 'failed')) report.exitCode = 1;
  if (report.changes > 0) {
    await cms.markDemoContentSkipped();
    await signalPublisher();
  }
  report.durationMs = Date.now() - startedAt.getTime();
  return report;
}
