import { loadEnv, type Env } from '@clermontech/config';
import type { CmsConnection } from './lib/strapi/client.ts';

let env: Env | undefined;

/** The validated environment, read once per build. */
export function siteEnv(): Env {
  env ??= loadEnv();
  return env;
}

/** How the build reaches the CMS: CMS_URL, and CMS_TOKEN when set. */
export function cmsConnection(): CmsConnection {
  const { CMS_URL, CMS_TOKEN } = siteEnv();
  return { url: CMS_URL, token: CMS_TOKEN };
}
