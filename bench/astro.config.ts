/**
 * The site's own Astro config with the bench's caches: Astro's cacheDir (data store, image cache) and
 * Vite's cacheDir point into BENCH_CACHE_DIR, so cold builds can delete them without touching the
 * caches other builds of site/ share (site/node_modules/.astro, site/node_modules/.vite).
 */
import { join } from 'node:path';
import siteConfig from '../site/astro.config.ts';

const cacheDir = process.env.BENCH_CACHE_DIR;
if (!cacheDir)
  throw new Error('BENCH_CACHE_DIR is not set (bench/astro.config.ts is run by bench/build/astro-build.ts)');

// The encoded images a cold build keeps (site/src/images/cached-sharp-service.ts): the bench's own,
// so that it can measure a build without them too, without emptying the one other builds share.
const imageCacheDir = process.env.BENCH_IMAGE_CACHE_DIR;
const image = siteConfig.image;

export default {
  ...siteConfig,
  cacheDir: join(cacheDir, 'astro'),
  vite: { ...siteConfig.vite, cacheDir: join(cacheDir, 'vite') },
  ...(imageCacheDir && image?.service
    ? { image: { ...image, service: { ...image.service, config: { ...image.service.config, imageCacheDir } } } }
    : {}),
};
