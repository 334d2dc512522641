import { readdir, readFile, writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';

/** Far enough: the entries are only ever replaced by a new URL, never by time. */
const NEVER_STALE = Date.UTC(9999, 0, 1);

/**
 * Keeps the CMS's processed images across builds. Astro caches each remote image transform with the
 * expiry its HTTP answer gave; the CMS sends `Cache-Control: max-age=0` for its uploads and answers a
 * revalidation with the whole file again, so every build downloaded, resized and re-encoded every
 * image, most of a build's time. CMS media URLs carry the file's version
 * (lib/strapi/media.ts): a URL names one content for good, and a cached transform of it can't go
 * stale. After each build this marks the new entries of Astro's image cache (`<cacheDir>/assets/*.json`,
 * `{ expires, etag?, lastModified? }`) as never expiring. Should Astro change that format, entries are
 * left alone and images are only processed again at each build.
 */
export function cmsImageCacheIntegration(): AstroIntegration {
  let assetsCache: URL | undefined;
  return {
    name: 'clermontech:cms-image-cache',
    hooks: {
      'astro:config:done': ({ config }) => {
        assetsCache = new URL('assets/', config.cacheDir);
      },
      'astro:build:done': async ({ logger }) => {
        if (!assetsCache) return;
        const names = await readdir(assetsCache).catch(() => [] as string[]);
        let marked = 0;
        for (const name of names.filter((file) => file.endsWith('.json'))) {
          const file = new URL(name, assetsCache);
          const meta = JSON.parse(await readFile(file, 'utf8')) as { expires?: unknown };
          if (typeof meta.expires !== 'number' || meta.expires >= NEVER_STALE) continue;
          await writeFile(file, JSON.stringify({ ...meta, expires: NEVER_STALE }));
          marked += 1;
        }
        if (marked > 0) logger.info(`${marked} new processed images kept for the next builds`);
      },
    },
  };
}
