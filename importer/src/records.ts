import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';

/**
 * What the importer remembers about an entry it wrote: which document it is, a hash of the source
 * data it was written from, and a hash of the values as read back right after writing. Comparing the
 * latter with the entry's current values tells an untouched entry from one edited by hand.
 */
export interface ImportRecord {
  /** The entry's identity in the Jekyll site (legacy path, slug, or file path for media). */
  identity: string;
  documentId?: string;
  fileId?: number;
  source: string;
  written: string;
  at: string;
}

const STORE_TYPE = 'plugin';
const STORE_NAME = 'jekyll-import';
const PREFIX = `${STORE_TYPE}_${STORE_NAME}_`;

/** A stable hash of any JSON value (object keys sorted). */
export function stableHash(value: unknown): string {
  return createHash('sha256').update(stableJson(value)).digest('hex').slice(0, 32);
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * The importer's records, kept in Strapi's core store (one row per entry, invisible in the admin and
 * the API): no field is added to the content types, and a record is written in the same transaction
 * as its entry.
 */
export class ImportRecords {
  private readonly records = new Map<string, ImportRecord>();
  private readonly strapi: Core.Strapi;

  constructor(strapi: Core.Strapi) {
    this.strapi = strapi;
  }

  /** Store key of an identity: hashed, as Strapi's key column holds 255 characters. */
  static key(kind: string, identity: string): string {
    return `${kind}:${createHash('sha256').update(identity).digest('hex').slice(0, 40)}`;
  }

  async load(): Promise<void> {
    const rows = (await this.strapi.db
      .query('strapi::core-store')
      .findMany({ where: { key: { $startsWith: PREFIX } } })) as { key: string; value: string }[];
    for (const row of rows) {
      try {
        this.records.set(row.key.slice(PREFIX.length), JSON.parse(row.value) as ImportRecord);
      } catch {
        // A record we cannot read is as good as none: the entry will be treated as not imported.
      }
    }
  }

  get(key: string): ImportRecord | undefined {
    return this.records.get(key);
  }

  get size(): number {
    return this.records.size;
  }

  /** Saves a record; call inside the transaction that writes the entry, then `remember` once it committed. */
  async persist(key: string, record: ImportRecord): Promise<void> {
    await this.strapi.store({ type: STORE_TYPE, name: STORE_NAME }).set({ key, value: record });
  }

  remember(key: string, record: ImportRecord): void {
    this.records.set(key, record);
  }
}
