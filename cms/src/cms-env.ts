import { loadEnv, requireSecrets, type Env, type Secrets } from '@clermontech/config';

let cached: Env | undefined;

/** The validated environment, read once per process. */
export function cmsEnv(): Env {
  cached ??= loadEnv();
  return cached;
}

/** Strapi's secrets; throws a one-line ConfigError naming the first missing or placeholder one. */
export function cmsSecrets(): Secrets {
  return requireSecrets(cmsEnv());
}
