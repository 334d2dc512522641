// Not from 'astro:content': that module brings Astro's whole runtime (65 modules) into the config,
// which Astro loads through a fresh Vite server at every build, a warm publish included.
import { defineCollection } from 'astro/content/config';
import { CONTENT_TYPES, PUBLIC_CONTENT_TYPES } from '@clermontech/config/contract';
import { strapiLoader } from './lib/strapi/loader.ts';
import { SCHEMAS } from './lib/strapi/schemas.ts';

/**
 * One collection per public content type of the contract (config/src/contract/content-types.ts), named
 * by its REST name and populated as the contract says: relations come as bare documentIds, joined in
 * pages (see lib/catalog.ts), so each collection is loaded once instead of copied into every entry
 * that points to it.
 */
export const collections = Object.fromEntries(
  PUBLIC_CONTENT_TYPES.map((type) => {
    const { populate, single } = CONTENT_TYPES[type];
    return [type, defineCollection({ loader: strapiLoader({ type, schema: SCHEMAS[type], populate, single }) })];
  }),
);
