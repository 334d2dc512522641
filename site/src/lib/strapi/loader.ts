import type { Loader, LoaderContext } from 'astro/loaders';
import type { z } from 'astro/zod';
import { cmsConnection } from '../../env.ts';
import type { CmsConnection } from './client.ts';
import { fetchCollection, fetchSingle, type RawEntry } from './fetch-entries.ts';
import { absolutizeMediaUrls } from './media.ts';
import type { QueryValue } from './query.ts';
import { parseEntry } from './validate.ts';

export interface StrapiLoaderOptions<S extends z.ZodType> {
  /** REST name: the plural for a collection type (`events`), the singular for a single type (`global`). */
  type: string;
  /** Schema every entry must match. */
  schema: S;
  /** Relations, media and components to populate; keep it to what pages read. */
  populate?: QueryValue;
  /** A single type: stored as one entry whose id is `type`. */
  single?: boolean;
  /** Defaults to CMS_URL and CMS_TOKEN from the environment. */
  connection?: CmsConnection;
}

/**
 * An Astro content loader for one Strapi content type. Every sync fetches all published
 * entries, validates the changed ones (by digest), and drops entries the CMS no longer has.
 * Nothing is written unless every entry is valid, and nothing at all when nothing changed: any
 * write makes Astro serialise its whole data store again (about a second at a hundred times the
 * archive, once per collection when each wrote its sync date).
 */
export function strapiLoader<S extends z.ZodType>(options: StrapiLoaderOptions<S>): Loader {
  return {
    name: `strapi:${options.type}`,
    schema: options.schema,
    load: (context) => syncEntries(options, context),
  };
}

async function fetchRawEntries<S extends z.ZodType>(
  { type, populate, single }: StrapiLoaderOptions<S>,
  connection: CmsConnection,
): Promise<[id: string, raw: RawEntry][]> {
  const query = populate === undefined ? {} : { populate };
  if (single) {
    const entry = await fetchSingle(connection, type, query);
    return entry ? [[type, entry]] : [];
  }
  const entries = await fetchCollection(connection, type, query);
  return entries.map((entry) => [entry.documentId, entry]);
}

async function syncEntries<S extends z.ZodType>(
  options: StrapiLoaderOptions<S>,
  { store, logger, generateDigest }: Pick<LoaderContext, 'store' | 'logger' | 'generateDigest'>,
): Promise<void> {
  const started = performance.now();
  const connection = options.connection ?? cmsConnection();
  const fetched = await fetchRawEntries(options, connection);

  const changed: { id: string; data: Record<string, unknown>; digest: string }[] = [];
  for (const [id, fetchedEntry] of fetched) {
    const raw = absolutizeMediaUrls(fetchedEntry, connection.url);
    const digest = generateDigest(raw);
    if (store.get(id)?.digest === digest) continue;
    changed.push({ id, data: parseEntry(options.type, options.schema, raw) as Record<string, unknown>, digest });
  }

  for (const entry of changed) store.set(entry);
  const kept = new Set(fetched.map(([id]) => id));
  const removed = store.keys().filter((id) => !kept.has(id));
  for (const id of removed) store.delete(id);

  if (options.single && kept.size === 0) logger.warn(`${options.type} has never been saved in the CMS`);
  const elapsed = Math.round(performance.now() - started);
  logger.info(`${kept.size} entries, ${changed.length} updated, ${removed.length} removed (${elapsed} ms)`);
}
