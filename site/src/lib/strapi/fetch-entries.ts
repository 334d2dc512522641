import { CMS_FETCH } from '../../consts.ts';
import { getJson, type CmsConnection } from './client.ts';
import { CmsResponseError } from './errors.ts';
import type { Query, QueryValue } from './query.ts';

/** An entry as the REST API sends it: flat fields, plus the ids every document has. */
export type RawEntry = Record<string, unknown> & { documentId: string };

interface CollectionPage {
  data: RawEntry[];
  total: number;
  pageCount: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isRawEntry(value: unknown): value is RawEntry {
  return isRecord(value) && typeof value.documentId === 'string' && value.documentId !== '';
}

function readCollectionPage(type: string, body: unknown): CollectionPage {
  const pagination = isRecord(body) && isRecord(body.meta) ? body.meta.pagination : undefined;
  const data = isRecord(body) ? body.data : undefined;
  if (!Array.isArray(data) || !isRecord(pagination)) {
    throw new CmsResponseError(`CMS answered /api/${type} without data and meta.pagination`);
  }
  const bad = data.findIndex((entry) => !isRawEntry(entry));
  if (bad !== -1) throw new CmsResponseError(`CMS sent a ${type} entry without an id (item ${bad})`);
  const { total, pageCount } = pagination;
  if (typeof total !== 'number' || typeof pageCount !== 'number') {
    throw new CmsResponseError(`CMS answered /api/${type} without pagination total and pageCount`);
  }
  return { data: data as RawEntry[], total, pageCount };
}

export interface FetchCollectionOptions {
  /** What to populate, in Strapi's populate syntax (relations, media, components). */
  populate?: QueryValue;
  /** Entries per request; the CMS caps it at its maxLimit, and pageCount follows. */
  pageSize?: number;
  /** Requests in flight at once for the pages after the first. */
  concurrency?: number;
}

/**
 * Every published entry of a collection type, in the CMS's id order. The first page says how many
 * there are; the others are then asked for a few at a time rather than one after the other (talks
 * are 162 pages at a hundred times the archive; the gain measured there was within the noise, the
 * CMS being busy on the same two cores). Fails rather than return a partial list: the count must
 * match the total the CMS announced.
 */
export async function fetchCollection(
  connection: CmsConnection,
  type: string,
  { populate, pageSize = CMS_FETCH.pageSize, concurrency = CMS_FETCH.pageConcurrency }: FetchCollectionOptions = {},
): Promise<RawEntry[]> {
  const fetchPage = async (page: number) => {
    const query: Query = {
      pagination: { page, pageSize },
      // A stable order, so that paging neither skips nor repeats entries.
      sort: ['id:asc'],
    };
    if (populate !== undefined) query.populate = populate;
    return readCollectionPage(type, await getJson(connection, type, query));
  };
  const first = await fetchPage(1);
  const pages = [first.data];
  let next = 2;
  const worker = async () => {
    for (let page = next++; page <= first.pageCount; page = next++) pages[page - 1] = (await fetchPage(page)).data;
  };
  await Promise.all(Array.from({ length: Math.max(0, Math.min(concurrency, first.pageCount - 1)) }, worker));

  const entries = new Map<string, RawEntry>();
  for (const entry of pages.flat()) entries.set(entry.documentId, entry);
  if (entries.size !== first.total) {
    throw new CmsResponseError(
      `CMS announced ${first.total} ${type} but sent ${entries.size}: content changed during the build? Try again.`,
    );
  }
  return [...entries.values()];
}

/** A single type's entry, or undefined when it has never been saved (the CMS answers 404). */
export async function fetchSingle(
  connection: CmsConnection,
  type: string,
  { populate }: Pick<FetchCollectionOptions, 'populate'> = {},
): Promise<RawEntry | undefined> {
  const query: Query = populate === undefined ? {} : { populate };
  const body = await getJson(connection, type, query, { allowNotFound: true });
  if (body === undefined) return undefined;
  const data = isRecord(body) ? body.data : undefined;
  if (data === null) return undefined;
  if (!isRawEntry(data)) throw new CmsResponseError(`CMS answered /api/${type} without a data object`);
  return data;
}
