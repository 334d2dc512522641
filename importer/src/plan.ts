/** What the parser makes of a Jekyll site: entries to write, in the CMS's terms, and what it could not read. */

/** The content types the importer writes, in the order they are written (targets before the entries that link to them). */
export const ENTRY_TYPES = ['group', 'venue', 'speaker', 'sponsor', 'event', 'talk', 'post', 'page', 'member'] as const;
export type EntryType = (typeof ENTRY_TYPES)[number];

export const ENTRY_UIDS = {
  group: 'api::group.group',
  venue: 'api::venue.venue',
  speaker: 'api::speaker.speaker',
  sponsor: 'api::sponsor.sponsor',
  event: 'api::event.event',
  talk: 'api::talk.talk',
  post: 'api::post.post',
  page: 'api::page.page',
  member: 'api::member.member',
} as const satisfies Record<EntryType, string>;

/** The types that have a `legacyPath`: their identity is the URL Jekyll gave them. */
export const HAS_LEGACY_PATH: ReadonlySet<EntryType> = new Set(['event', 'talk', 'post', 'page']);

/** A link to another planned entry, resolved to a documentId when written. */
export interface EntryRef {
  $ref: EntryType;
  key: string;
}

/** A file of the Jekyll site to upload to the media library, resolved to a file id when written. */
export interface AssetRef {
  $asset: string;
}

export interface LinkValue {
  label: string;
  url: string;
}

export type FieldValue = string | number | null | EntryRef | EntryRef[] | AssetRef | LinkValue[];

export interface PlannedEntry {
  type: EntryType;
  /** Identity across runs: the legacy path, or the slug for types without one. */
  key: string;
  /** Human-readable name for the report. */
  label: string;
  /** The source files it comes from, relative to the site's root. */
  sources: string[];
  /** Every field the importer owns on this entry; null clears a field. Markdown may hold `jekyll-asset:` links. */
  data: Record<string, FieldValue>;
}

export type IssueLevel = 'error' | 'warning' | 'info';

/** Something the parser could not read, or had to guess. */
export interface Issue {
  file: string;
  /** The line of the file it is about (1-based), when there is one. */
  line?: number;
  /** The field concerned, when there is one. */
  field?: string;
  level: IssueLevel;
  message: string;
}

export interface ImportPlan {
  entries: PlannedEntry[];
  issues: Issue[];
  /** Every source file considered, and what became of it. */
  files: { file: string; outcome: string }[];
}

export function isEntryRef(value: unknown): value is EntryRef {
  return typeof value === 'object' && value !== null && '$ref' in value;
}

export function isAssetRef(value: unknown): value is AssetRef {
  return typeof value === 'object' && value !== null && '$asset' in value;
}

/** Singular and plural names accepted by `--only`. */
export function parseEntryType(name: string): EntryType | undefined {
  const singular = name.trim().toLowerCase().replace(/s$/, '');
  const aliases: Record<string, EntryType> = {
    'api-hour': 'event',
    evenement: 'event',
    article: 'post',
    blog: 'post',
    membre: 'member',
    lieu: 'venue',
    groupe: 'group',
  };
  const found = (ENTRY_TYPES as readonly string[]).includes(singular) ? (singular as EntryType) : aliases[singular];
  return found;
}
