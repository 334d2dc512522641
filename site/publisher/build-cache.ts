import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `SITE_PREVIEW_SERVER=false`: build the pages only, without the preview's server code (see
 * astro.config.ts). The publisher sets it for each build; any other build has the server.
 */
export const PREVIEW_SERVER_ENV = 'SITE_PREVIEW_SERVER';

export function buildsPreviewServer(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[PREVIEW_SERVER_ENV] !== 'false';
}

/**
 * Astro's cache folder for a build from `base` (SITE_CACHE_DIR). Astro's incremental cache is keyed
 * by the whole config, so builds with and without the preview's server would each find the other's
 * unusable and render every page again: builds without it keep theirs in `base/static/`.
 */
export function buildCacheDir(base: string, previewServer: boolean): string {
  return previewServer ? base : join(base, 'static');
}

/**
 * buildCacheDir(), ready for a build. Processed images don't depend on the server, so
 * `base/static/assets` is a link to `base/assets`: builds without it reuse every image the others
 * encoded, and the reverse.
 */
export function prepareBuildCacheDir(base: string, previewServer: boolean): string {
  const dir = buildCacheDir(base, previewServer);
  const assets = join(dir, 'assets');
  if (!previewServer && !existsSync(assets)) {
    mkdirSync(join(base, 'assets'), { recursive: true });
    mkdirSync(dir, { recursive: true });
    symlinkSync(join('..', 'assets'), assets, 'dir');
  }
  return dir;
}

/**
 * Encoded images, kept across builds, cold ones included, and shared by every build of this
 * checkout (src/images/cached-sharp-service.ts): an entry is named by the bytes it was made from,
 * so it never goes stale and no build can feed another a wrong one. Deleting it only costs time.
 */
export const IMAGE_CACHE_DIR = fileURLToPath(new URL('../.cache/images/', import.meta.url));
