import { resolve } from 'node:path';
import { ensureLocalSecrets, loadEnv, repoRoot } from '@clermontech/config';

export const siteRoot = resolve(repoRoot, 'site');

/** The publisher's settings, read once at start from the validated environment. */
export function publisherConfig() {
  if (process.env.NODE_ENV !== 'production') ensureLocalSecrets();
  const env = loadEnv();
  if (!env.PUBLISHER_TOKEN)
    throw new Error('PUBLISHER_TOKEN is required: at least 32 random bytes, the same value as the CMS has');
  const siteUrl = new URL(env.SITE_URL);
  return {
    host: env.SITE_HOST,
    /** The site's public origin: every request's URL is built on it, whatever its Host header says. */
    origin: siteUrl.origin,
    /** Served over HTTPS: browsers are told to keep to it (Strict-Transport-Security). */
    https: siteUrl.protocol === 'https:',
    port: env.SITE_PORT,
    token: env.PUBLISHER_TOKEN,
    cmsUrl: env.CMS_URL,
    cmsToken: env.CMS_TOKEN,
    releasesDir: resolve(repoRoot, env.PUBLISHER_RELEASES_DIR ?? 'site/.releases'),
    reconcileMs: env.PUBLISHER_RECONCILE_SECONDS * 1000,
    buildProcessMaxBytes: env.PUBLISHER_BUILD_PROCESS_MAX_MB * 1024 ** 2,
    shareReleaseFiles: env.PUBLISHER_SHARE_RELEASE_FILES,
    buildEnv: {
      SITE_CACHE_DIR: resolve(repoRoot, env.PUBLISHER_RELEASES_DIR ?? 'site/.releases', '.cache'),
      CMS_URL: env.CMS_URL,
      SITE_URL: env.SITE_URL,
      ...(env.CMS_TOKEN ? { CMS_TOKEN: env.CMS_TOKEN } : {}),
    },
  };
}

export type PublisherConfig = ReturnType<typeof publisherConfig>;
