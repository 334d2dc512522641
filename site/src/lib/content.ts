import { getCollection, getEntry } from 'astro:content';
import { CONTENT_TYPES, PUBLIC_CONTENT_TYPES } from '@clermontech/config/contract';
import { buildCatalog, type Catalog, type Collections } from './catalog.ts';

let catalog: Promise<Catalog> | undefined;

/** Every collection's published entries, as the content layer holds them: one per public type of the contract. */
export async function loadCollections(): Promise<Collections> {
  const loaded = await Promise.all(
    PUBLIC_CONTENT_TYPES.map(async (type) => {
      if (CONTENT_TYPES[type].single) return [type, (await getEntry(type, type))?.data] as const;
      return [type, (await getCollection(type)).map((entry) => entry.data)] as const;
    }),
  );
  // Astro types a loader collection's data loosely; the schemas (lib/strapi/schemas.ts) checked every entry.
  return Object.fromEntries(loaded) as Collections;
}

/** The joined content, loaded once per build (pages share it). "Now" is the build time. */
export function getCatalog(): Promise<Catalog> {
  catalog ??= loadCollections().then((collections) => buildCatalog(collections, new Date()));
  return catalog;
}
