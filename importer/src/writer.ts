import type { Core } from '@strapi/strapi';
import { ASSET_SCHEME, resolveAssetLinks } from './markdown.ts';
import { MediaLibrary } from './media.ts';
import {
  ENTRY_TYPES,
  ENTRY_UIDS,
  HAS_LEGACY_PATH,
  isAssetRef,
  isEntryRef,
  type EntryRef,
  type EntryType,
  type FieldValue,
  type ImportPlan,
  type Issue,
  type PlannedEntry,
} from './plan.ts';
import type { Progress } from './progress.ts';
import { ImportRecords, stableHash, type ImportRecord } from './records.ts';
import type { EntryResult } from './report.ts';
import { withRetry } from './retry.ts';

export interface WriteOptions {
  siteRoot: string;
  /** Only these types are written; the others are only looked up, to link to them. */
  only: ReadonlySet<EntryType>;
  /** Overwrite entries edited by hand since they were imported (never entries the importer did not create). */
  overwrite: boolean;
  progress: Progress;
}

export interface WriteResult {
  entries: EntryResult[];
  issues: Issue[];
  media: { uploaded: number; reused: number };
}

interface Attribute {
  type: string;
  maxLength?: number;
  relation?: string;
  multiple?: boolean;
  repeatable?: boolean;
  component?: string;
}

type Documents = ReturnType<Core.Strapi['documents']>;

/** A value as the importer compares it: relations as documentIds, media as ids, dates as ISO strings. */
function normalize(attribute: Attribute | undefined, value: unknown): unknown {
  if (value === undefined || value === null)
    return attribute?.type === 'relation' && attribute.relation?.endsWith('ToMany')
      ? []
      : attribute?.repeatable
        ? []
        : null;
  switch (attribute?.type) {
    case 'relation': {
      const id = (item: unknown) => (typeof item === 'string' ? item : (item as { documentId?: string }).documentId);
      return Array.isArray(value) ? value.map(id) : id(value);
    }
    case 'media': {
      const id = (item: unknown) => (typeof item === 'number' ? item : Number((item as { id?: number }).id));
      return Array.isArray(value) ? value.map(id) : id(value);
    }
    case 'component':
      return (Array.isArray(value) ? value : [value]).map((item) => {
        const { id: _id, __component: _component, ...fields } = item as Record<string, unknown>;
        return fields;
      });
    case 'datetime':
      return new Date(value as string).toISOString();
    case 'date':
      return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
    case 'decimal':
    case 'float':
    case 'integer':
    case 'biginteger':
      return Number(value);
    default:
      return value;
  }
}

export class Writer {
  private readonly records: ImportRecords;
  private readonly media: MediaLibrary;
  private readonly planned = new Map<string, PlannedEntry>();
  /** `type:key` → documentId, for entries written, kept or found. */
  private readonly documentIds = new Map<string, string | null>();
  private readonly issues: Issue[] = [];
  private readonly cmsUrl: string;

  private readonly strapi: Core.Strapi;
  private readonly options: WriteOptions;

  constructor(strapi: Core.Strapi, options: WriteOptions) {
    this.strapi = strapi;
    this.options = options;
    this.records = new ImportRecords(strapi);
    this.media = new MediaLibrary(strapi, options.siteRoot, this.records);
    this.cmsUrl = String(strapi.config.get('server.url') ?? '');
  }

  async write(plan: ImportPlan): Promise<WriteResult> {
    await this.records.load();
    for (const entry of plan.entries) this.planned.set(`${entry.type}:${entry.key}`, entry);
    const results: EntryResult[] = [];
    for (const type of ENTRY_TYPES) {
      if (!this.options.only.has(type)) continue;
      const entries = plan.entries.filter((entry) => entry.type === type);
      if (entries.length === 0) continue;
      this.options.progress.begin(type, entries.length);
      for (const entry of entries) {
        const result = await this.writeEntry(entry).catch((error: unknown): EntryResult => {
          const reason = oneLine(error);
          this.options.progress.note(`Failed: ${entry.type} "${entry.label}" (${entry.sources.join(', ')}): ${reason}`);
          this.documentIds.set(`${entry.type}:${entry.key}`, null);
          return { type, key: entry.key, label: entry.label, outcome: 'failed', reason, sources: entry.sources };
        });
        results.push(result);
        this.options.progress.step(type, result.outcome);
      }
      this.options.progress.end(type);
    }
    return {
      entries: results,
      issues: this.issues,
      media: { uploaded: this.media.uploads, reused: this.media.reused },
    };
  }

  private model(type: EntryType): Record<string, Attribute> {
    return this.strapi.getModel(ENTRY_UIDS[type]).attributes;
  }

  private documents(type: EntryType): Documents {
    return this.strapi.documents(ENTRY_UIDS[type]);
  }

  private query(type: EntryType) {
    return this.strapi.db.query(ENTRY_UIDS[type]);
  }

  private recordKey(entry: { type: EntryType; key: string }): string {
    return ImportRecords.key(entry.type, entry.key);
  }

  /** The documentId an entry of the plan has in the CMS, written by this run or an earlier one, or found there. */
  private async documentIdOf(ref: EntryRef, from: PlannedEntry, field: string): Promise<string | null> {
    const id = `${ref.$ref}:${ref.key}`;
    if (!this.documentIds.has(id)) {
      let found: string | null = null;
      const record = this.records.get(this.recordKey({ type: ref.$ref, key: ref.key }));
      if (record?.documentId && (await this.exists(ref.$ref, record.documentId))) found = record.documentId;
      const target = this.planned.get(id);
      if (!found && target) found = (await this.findExisting(target))?.documentId ?? null;
      this.documentIds.set(id, found);
    }
    const found = this.documentIds.get(id) ?? null;
    if (!found) {
      const label = this.planned.get(id)?.label ?? ref.key;
      this.issues.push({
        file: from.sources[0] ?? '',
        level: 'warning',
        field,
        message: `not linked to ${ref.$ref} "${label}", which is not in the CMS${this.options.only.has(ref.$ref) ? '' : ` (import the ${ref.$ref}s too)`}`,
      });
    }
    return found;
  }

  private async exists(type: EntryType, documentId: string): Promise<boolean> {
    return (await this.query(type).findOne({ where: { documentId }, select: ['id'] })) !== null;
  }

  /** An entry already in the CMS that stands for a planned one: same legacy path, else same slug (or name for members). */
  private async findExisting(entry: PlannedEntry): Promise<{ documentId: string; legacyPath?: string | null } | null> {
    const query = this.query(entry.type);
    if (HAS_LEGACY_PATH.has(entry.type)) {
      const byPath = (await query.findOne({ where: { legacyPath: entry.key }, select: ['documentId'] })) as {
        documentId: string;
      } | null;
      if (byPath) return byPath;
      const bySlug = (await query.findOne({
        where: { slug: entry.data.slug },
        select: ['documentId', 'legacyPath'],
      })) as { documentId: string; legacyPath: string | null } | null;
      // The same slug under another legacy path is another entry: the new one gets another slug.
      return bySlug && !bySlug.legacyPath ? bySlug : null;
    }
    if (entry.type === 'member') {
      return (await query.findOne({ where: { name: { $eqi: entry.data.name } }, select: ['documentId'] })) as {
        documentId: string;
      } | null;
    }
    return (await query.findOne({ where: { slug: entry.data.slug }, select: ['documentId'] })) as {
      documentId: string;
    } | null;
  }

  /** A slug no other document of the type uses: the planned one, else with -2, -3… */
  private async freeSlug(entry: PlannedEntry, documentId: string | undefined): Promise<string | undefined> {
    if (typeof entry.data.slug !== 'string') return undefined;
    const base = entry.data.slug;
    for (let n = 1; n < 100; n++) {
      const candidate = n === 1 ? base : `${base}-${n}`;
      const taken = (await this.query(entry.type).findOne({
        where: { slug: candidate, ...(documentId ? { documentId: { $ne: documentId } } : {}) },
        select: ['id'],
      })) as { id: number } | null;
      if (!taken) return candidate;
    }
    throw new Error(`no free slug for "${base}"`);
  }

  /** The planned data with links resolved to documentIds and files uploaded, fitted to the schema's limits. */
  private async resolve(entry: PlannedEntry): Promise<Record<string, unknown>> {
    const model = this.model(entry.type);
    const data: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(entry.data)) {
      data[field] = this.fit(entry, field, model[field], await this.resolveValue(entry, field, value));
    }
    return data;
  }

  /** A text longer than its field allows is cut; an address is dropped (a cut URL leads nowhere). Both are reported. */
  private fit(entry: PlannedEntry, field: string, attribute: Attribute | undefined, value: unknown): unknown {
    const max = attribute?.maxLength;
    if (typeof value !== 'string' || !max || value.length <= max) return value;
    const isUrl = /^https?:\/\//.test(value);
    this.issues.push({
      file: entry.sources[0] ?? '',
      field,
      level: 'warning',
      message: isUrl
        ? `${value.slice(0, 80)}… is longer than the ${max} characters the field holds; not imported`
        : `cut to the ${max} characters the field holds`,
    });
    return isUrl ? null : `${value.slice(0, max - 1)}…`;
  }

  private async resolveValue(entry: PlannedEntry, field: string, value: FieldValue): Promise<unknown> {
    if (isEntryRef(value)) return this.documentIdOf(value, entry, field);
    if (Array.isArray(value) && value.every(isEntryRef)) {
      const ids: (string | null)[] = [];
      for (const ref of value) ids.push(await this.documentIdOf(ref, entry, field));
      return ids.filter((id): id is string => id !== null);
    }
    if (isAssetRef(value)) {
      const file = await this.upload(entry, field, value.$asset);
      return file?.id ?? null;
    }
    if (typeof value === 'string' && value.includes(ASSET_SCHEME)) {
      const urls = new Map<string, string>();
      for (const match of value.matchAll(/jekyll-asset:([^\s)"'<>]+)/g)) {
        const file = await this.upload(entry, field, match[1]!);
        if (file) urls.set(match[1]!, this.publicUrl(file.url));
      }
      return resolveAssetLinks(value, (path) => urls.get(path));
    }
    return value;
  }

  private async upload(entry: PlannedEntry, field: string, path: string) {
    try {
      return await this.media.file(path);
    } catch (error) {
      this.issues.push({
        file: entry.sources[0] ?? '',
        field,
        level: 'warning',
        message: `could not upload /${path}: ${oneLine(error)}`,
      });
      return undefined;
    }
  }

  /** Media URLs in Markdown are absolute, as the admin's editor writes them. */
  private publicUrl(url: string): string {
    if (/^https?:\/\//.test(url) || !this.cmsUrl) return url;
    return new URL(url, this.cmsUrl.endsWith('/') ? this.cmsUrl : `${this.cmsUrl}/`).href;
  }

  /** The entry's current values of the fields the importer owns, as stored (draft version). */
  private async currentValues(entry: PlannedEntry, documentId: string): Promise<Record<string, unknown> | null> {
    const model = this.model(entry.type);
    const populate: Record<string, unknown> = {};
    for (const field of Object.keys(entry.data)) {
      const attribute = model[field];
      if (attribute?.type === 'relation') populate[field] = { fields: ['documentId'] };
      else if (attribute?.type === 'media') populate[field] = { fields: ['id'] };
      else if (attribute?.type === 'component') populate[field] = true;
    }
    const current = (await this.documents(entry.type).findOne({
      documentId,
      status: 'draft',
      populate,
    } as never)) as Record<string, unknown> | null;
    if (!current) return null;
    return this.project(entry, current);
  }

  private project(entry: PlannedEntry, values: Record<string, unknown>): Record<string, unknown> {
    const model = this.model(entry.type);
    return Object.fromEntries(Object.keys(entry.data).map((field) => [field, normalize(model[field], values[field])]));
  }

  private async isPublished(type: EntryType, documentId: string): Promise<boolean> {
    return (
      (await this.query(type).findOne({ where: { documentId, publishedAt: { $notNull: true } }, select: ['id'] })) !==
      null
    );
  }

  private async writeEntry(entry: PlannedEntry): Promise<EntryResult> {
    const id = `${entry.type}:${entry.key}`;
    const base = { type: entry.type, key: entry.key, label: entry.label, sources: entry.sources };
    const recordKey = this.recordKey(entry);
    const record = this.records.get(recordKey);
    const documentId =
      record?.documentId && (await this.exists(entry.type, record.documentId)) ? record.documentId : undefined;

    if (!documentId) {
      if (record && !this.options.overwrite) {
        this.documentIds.set(id, null);
        return {
          ...base,
          outcome: 'kept',
          reason: 'deleted in the CMS after it was imported; not recreated (--overwrite recreates it)',
        };
      }
      const existing = record ? null : await this.findExisting(entry);
      if (existing) {
        this.documentIds.set(id, existing.documentId);
        return {
          ...base,
          outcome: 'kept',
          documentId: existing.documentId,
          reason: 'already in the CMS and not created by the importer; left as it is (linked to)',
        };
      }
    }

    const data = await this.resolve(entry);
    const source = stableHash(this.project(entry, data));
    if (documentId && record) {
      this.documentIds.set(id, documentId);
      // Compared even when the source did not change, so that the report lists every hand edit.
      const current = await this.currentValues(entry, documentId);
      const untouched =
        current !== null && stableHash(current) === record.written && (await this.isPublished(entry.type, documentId));
      if (untouched && record.source === source) return { ...base, outcome: 'unchanged', documentId };
      if (!untouched && !this.options.overwrite) {
        return {
          ...base,
          outcome: 'kept',
          documentId,
          reason: 'edited in the CMS since the last import; left as it is (--overwrite replaces it)',
        };
      }
    }

    const slug = await this.freeSlug(entry, documentId);
    if (slug !== undefined) data.slug = slug;
    const written = await withRetry(() =>
      this.strapi.db.transaction(async () => {
        const documents = this.documents(entry.type);
        const saved = (
          documentId
            ? await documents.update({ documentId, data, status: 'published' } as never)
            : await documents.create({ data, status: 'published' } as never)
        ) as { documentId: string } | null;
        if (!saved) throw new Error('the CMS did not return the saved entry');
        const current = await this.currentValues(entry, saved.documentId);
        const value: ImportRecord = {
          identity: entry.key,
          documentId: saved.documentId,
          source,
          written: stableHash(current),
          at: new Date().toISOString(),
        };
        await this.records.persist(recordKey, value);
        return value;
      }),
    );
    this.records.remember(recordKey, written);
    this.documentIds.set(id, written.documentId!);
    return { ...base, outcome: documentId ? 'updated' : 'created', documentId: written.documentId };
  }
}

function oneLine(error: unknown): string {
  const details = (error as { details?: { errors?: { path?: string[]; message?: string }[] } })?.details?.errors;
  const message = error instanceof Error ? error.message : String(error);
  const extra = details?.length
    ? ` (${details.map((detail) => `${detail.path?.join('.') ?? ''}: ${detail.message ?? ''}`).join('; ')})`
    : '';
  return `${message}${extra}`.replace(/\s+/g, ' ').trim();
}
