import { existsSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { parseFrontMatter } from '../front-matter.ts';
import type { PlannedEntry } from '../plan.ts';
import { planSite } from '../plan-site/index.ts';
import { announcedHeadings, withoutProgramme } from '../programme.ts';
import { readJekyllSite } from '../reader.ts';
import {
  checkDate,
  checkImages,
  checkLinks,
  checkMarkup,
  checkSpeakers,
  checkTalks,
  checkTitle,
  checkVenue,
  checkWords,
} from './fields.ts';
import { NewSite } from './new-site.ts';
import { oldReferences } from './old-post.ts';
import { readBuiltPage } from './page.ts';

export const FIELDS = [
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
] as const;
export type Field = (typeof FIELDS)[number];

export interface FieldCheck {
  field: Field;
  ok: boolean;
  /** What was wrong, or what was not checked and why. */
  detail?: string;
}

export interface PageCheck {
  /** The old URL (its path on the old site). */
  oldUrl: string;
  newUrl: string;
  source: string;
  checks: FieldCheck[];
}

export interface VerifyReport {
  pages: PageCheck[];
  /** Things of the old site that were already broken there (a link to a file it did not have). */
  notes: string[];
}

export interface VerifyOptions {
  /** Root of the Jekyll site. */
  jekyll: string;
  /** Folder of the built site (`npm run site:build`'s output). */
  built: string;
  /**
   * Whether an absolute URL answers (the CMS's uploads, other sites). Without it only the built
   * site's own files are checked, and other sites' links only for being present.
   */
  answers?: (url: string) => Promise<boolean>;
}

/** The old body as the new page shows it: the sections announcing an evening's talks are on the talks' own pages. */
function shownBody(site: NewSite, entry: PlannedEntry, body: string): string {
  if (entry.type !== 'event') return body;
  const talks = site.talksOf(entry).map((talk) => ({
    title: String(talk.data.title),
    speakers: site.speakerNames(talk.data.speakers),
    fileName: posix.basename(talk.sources[0] ?? '').replace(/\.(md|markdown|mkd|html)$/i, ''),
  }));
  return withoutProgramme(body, announcedHeadings(body, talks));
}

/** The old address still leads to the new page: a static redirect page (and the publisher's 301, from redirects.json). */
function leadsThere(site: NewSite, oldUrl: string, newUrl: string): boolean {
  const redirectFile = site.file(oldUrl);
  const redirected =
    existsSync(redirectFile) &&
    new RegExp(`url=(?:https?://[^/"']+)?${newUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']`).test(
      readFileSync(redirectFile, 'utf8'),
    );
  return redirected && (!site.redirects || site.redirects[oldUrl] === newUrl);
}

/** One old post against its new page, every field in the table's order. */
async function checkPage(
  site: NewSite,
  documents: Map<string, string>,
  entry: PlannedEntry,
  notes: string[],
): Promise<PageCheck> {
  const source = entry.sources[0]!;
  const oldUrl = String(entry.data.legacyPath);
  const newUrl = site.urlOf(entry)!;
  const check: PageCheck = { oldUrl, newUrl, source, checks: [] };
  const file = site.file(newUrl);
  if (!existsSync(file)) {
    check.checks.push({ field: 'page', ok: false, detail: `no page at ${newUrl}` });
    return check;
  }
  check.checks.push({ field: 'page', ok: true });
  check.checks.push(
    leadsThere(site, oldUrl, newUrl)
      ? { field: 'old URL', ok: true }
      : { field: 'old URL', ok: false, detail: `${oldUrl} does not lead to ${newUrl}` },
  );
  const page = readBuiltPage(readFileSync(file, 'utf8'));
  const { body } = parseFrontMatter(documents.get(source) ?? '');
  const oldBody = shownBody(site, entry, body);
  const push = (field: Field, problems: string[] | undefined) => {
    if (problems)
      check.checks.push({
        field,
        ok: problems.length === 0,
        ...(problems.length ? { detail: problems.join('; ') } : {}),
      });
  };
  push('title', checkTitle(entry, page));
  push('date', checkDate(entry, page));
  push('venue', checkVenue(site, entry, page));
  push('talks', checkTalks(site, entry, page));
  push('speakers', checkSpeakers(site, entry, page));
  const references = oldReferences(oldBody);
  push('links', await checkLinks(site, references, source, oldUrl, page, notes));
  push('images', await checkImages(site, references, oldUrl, page, notes));
  push('words', checkWords(oldBody, page));
  push('markup', checkMarkup(body, page));
  return check;
}

/** Compares each old post (events, talks, blog posts of `_posts`) with its page in the built site. */
export async function verifySite(options: VerifyOptions): Promise<VerifyReport> {
  const jekyll = readJekyllSite(options.jekyll);
  const site = new NewSite(planSite(jekyll), jekyll.files, options.built, options.answers);
  const notes: string[] = [];
  const pages: PageCheck[] = [];
  for (const entry of site.plan.entries) {
    if (!['event', 'talk', 'post'].includes(entry.type) || !entry.sources[0]!.startsWith('_posts/')) continue;
    pages.push(await checkPage(site, jekyll.documents, entry, notes));
  }
  return { pages, notes };
}

/** The table people read: pages checked, and per field how many pages had it right or wrong, then each wrong one with its old URL. */
export function formatVerifyReport(report: VerifyReport): string {
  const lines = [
    `Pages checked: ${report.pages.length}`,
    '',
    `${'field'.padEnd(10)}${'right'.padStart(8)}${'wrong'.padStart(8)}`,
  ];
  for (const field of FIELDS) {
    const checks = report.pages.flatMap((page) => page.checks.filter((check) => check.field === field));
    lines.push(
      `${field.padEnd(10)}${String(checks.filter((check) => check.ok).length).padStart(8)}${String(checks.filter((check) => !check.ok).length).padStart(8)}`,
    );
  }
  const all = report.pages.flatMap((page) => page.checks);
  lines.push(
    `${'total'.padEnd(10)}${String(all.filter((check) => check.ok).length).padStart(8)}${String(all.filter((check) => !check.ok).length).padStart(8)}`,
  );
  const wrong = report.pages.flatMap((page) =>
    page.checks
      .filter((check) => !check.ok)
      .map((check) => `  ${page.oldUrl} → ${page.newUrl} [${check.field}]: ${check.detail ?? ''}`),
  );
  if (wrong.length > 0) lines.push('', 'Wrong:', ...wrong);
  if (report.notes.length > 0)
    lines.push('', 'Already broken on the old site (not counted):', ...report.notes.map((note) => `  ${note}`));
  return lines.join('\n');
}

/** Number of fields wrong: the verification passes at 0. */
export function wrongFields(report: VerifyReport): number {
  return report.pages.reduce((sum, page) => sum + page.checks.filter((check) => !check.ok).length, 0);
}
