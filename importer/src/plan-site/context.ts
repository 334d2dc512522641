/** What every step of planning a site shares: the site, the issues met so far, and the drafts passed along. */
import { posix } from 'node:path';
import type { EventKind } from '@clermontech/config';
import type { CalendarDate } from '../dates.ts';
import type { Address } from '../event-details.ts';
import { lineOf, type IssueAnchor } from '../issue-lines.ts';
import type { AssetRef, EntryRef, Issue, IssueLevel } from '../plan.ts';
import type { ProgrammeTalk } from '../programme.ts';
import type { JekyllSite } from '../reader.ts';

export type { EventKind };

export interface Context {
  site: JekyllSite;
  /** The site's `_config.yml`. */
  config: Record<string, unknown>;
  /** The old site's host names, with and without `www.`. */
  hosts: string[];
  issues: Issue[];
  files: { file: string; outcome: string }[];
}

/**
 * Records an issue. `at` is its line, or text of the file to find it at: a front-matter key
 * (`{ key: 'slides_url' }`) or words of the body (the first line holding them).
 */
export function issue(
  context: Context,
  file: string,
  level: IssueLevel,
  message: string,
  field?: string,
  at?: number | IssueAnchor,
): void {
  const line = typeof at === 'number' ? at : at ? lineOf(context.site.documents.get(file) ?? '', at) : undefined;
  context.issues.push({ file, level, message, ...(field ? { field } : {}), ...(line ? { line } : {}) });
}

export const ref = (type: EntryRef['$ref'], key: string): EntryRef => ({ $ref: type, key });
export const asset = (path: string): AssetRef => ({ $asset: path });

/** Hands out slugs, suffixing -2, -3… so that no two entries of a type share one. */
export class SlugRegistry {
  private readonly taken = new Set<string>();
  claim(base: string, fallback = 'sans-titre'): string {
    const root = base || fallback;
    let candidate = root;
    for (let n = 2; this.taken.has(candidate); n++) candidate = `${root}-${n}`;
    this.taken.add(candidate);
    return candidate;
  }
}

/** A published file of the site, its front matter parsed. */
export interface Doc {
  path: string;
  data: Record<string, unknown>;
  body: string;
}

export interface EventDraft {
  doc: Doc;
  kind: EventKind;
  title: string;
  number?: number;
  slug: string;
  legacyPath: string;
  fileDate?: CalendarDate;
  groupKey?: string;
  url: string;
}

export interface TalkDraft {
  doc: Doc;
  title: string;
  slug: string;
  legacyPath: string;
  event?: EventDraft;
  order?: number;
  speakers: string[];
  url: string;
}

export interface PostDraft {
  doc: Doc;
  slug: string;
  legacyPath: string;
  url: string;
  date: CalendarDate;
}

export interface PageDraft {
  doc: Doc;
  slug: string;
  legacyPath: string;
  url: string;
  title: string;
}

export interface GroupDraft {
  name: string;
  technology?: string;
  sources: string[];
}

export interface VenueDraft {
  key: string;
  name?: string;
  address?: Address;
  latitude?: number;
  longitude?: number;
  at: string;
  names: string[];
  streets: string[];
  sources: string[];
}

/** A talk as the programme matcher knows it: its `{% post_url %}` name is its file name without extension. */
export function programmeTalk(talk: TalkDraft): ProgrammeTalk {
  return {
    title: talk.title,
    speakers: talk.speakers,
    fileName: posix.basename(talk.doc.path).replace(/\.(md|markdown|mkd|html)$/i, ''),
  };
}
