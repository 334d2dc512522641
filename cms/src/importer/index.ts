import type { Core } from '@strapi/strapi';
import { PUBLISHER_WEBHOOK_NAME } from '../publisher/webhook';
import { importBrand } from './brand';
import { planSite } from './parse-site';
import { ENTRY_TYPES, type EntryType, type ImportPlan } from './plan';
import { silentProgress, type Progress } from './progress';
import { readJekyllSite } from './reader';
import { emptyCounts, type ImportReport } from './report';
import { Writer } from './writer';

export { formatReport, type ImportReport } from './report';
export { createProgress, type Progress } from './progress';
export { parseEntryType, ENTRY_TYPES, type EntryType } from './plan';
export { SiteError } from './reader';

export interface ImportOptions {
  /** Root of the Jekyll site (the folder with `_config.yml` and `_posts`). */
  site: string;
  /** Parse and report; write nothing (`strapi` may then be omitted). */
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
 * Webhooks would fire once per entry written (hundreds of rebuilds of the public site): they are
 * muted in this process while importing, and the publisher is told once at the end.
 */
async function muteWebhooks(strapi: Core.Strapi): Promise<() => Promise<void>> {
  const store = strapi.get('webhookStore');
  const runner = strapi.get('webhookRunner');
  const webhooks = (await store.findWebhooks()) as { id: string | number; name: string; isEnabled: boolean }[];
  for (const webhook of webhooks) runner.remove(webhook);
  return async () => {
    const publisher = webhooks.find((webhook) => webhook.name === PUBLISHER_WEBHOOK_NAME && webhook.isEnabled);
    if (publisher) await runner.run(publisher, 'entry.publish', { model: 'jekyll-import' });
  };
}

/**
 * An imported database is not an empty one: the demo content must not be seeded on top of it at the
 * next boot (see bootstrap/demo-content.ts, which skips when this mark says so).
 */
async function markDemoContentSkipped(strapi: Core.Strapi): Promise<void> {
  const store = strapi.store({ type: 'core', name: 'clermontech', key: 'demo-content' });
  if (!(await store.get({}))) await store.set({ value: { state: 'skipped' } });
}

/**
 * Imports a Jekyll site into the CMS: parses every file, then creates or updates the published
 * entries, idempotently (see Writer). Returns the report; never throws for a bad file or entry, only
 * when the site cannot be read at all (SiteError) or the database fails.
 */
export async function runImport(strapi: Core.Strapi | undefined, options: ImportOptions): Promise<ImportReport> {
  const startedAt = new Date();
  const plan = planImport(options.site);
  const report = baseReport(options, plan, startedAt);
  if (options.dryRun || !strapi) {
    report.durationMs = Date.now() - startedAt.getTime();
    return report;
  }
  const signalPublisher = await muteWebhooks(strapi);
  const writer = new Writer(strapi, {
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
  report.changes = result.entries.filter((entry) => entry.outcome === 'created' || entry.outcome === 'updated').length + result.media.uploaded;
  // The logo and mascot belong to no entry type: a full import sets them, a partial one (--only) does not.
  if (report.only.length === 0) {
    const brand = await importBrand(strapi, options.site);
    report.issues.push(...brand.issues);
    if (brand.changed) report.changes++;
  }
  if (result.entries.some((entry) => entry.outcome === 'failed')) report.exitCode = 1;
  if (report.changes > 0) {
    await markDemoContentSkipped(strapi);
    await signalPublisher();
  }
  report.durationMs = Date.now() - startedAt.getTime();
  return report;
}
