/** What a backup reads and a restore writes, as the validated environment describes it. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { repoRoot, type Env } from '@clermontech/config';

const cmsRoot = join(repoRoot, 'cms');

/** Resolves packages as the CMS does, so the scripts use the CMS's own better-sqlite3 and Strapi. */
export const requireFromCms = createRequire(join(cmsRoot, 'package.json'));

/**
 * Strapi's local upload provider always writes here (strapi.dirs.static.public + /uploads); no
 * setting moves it, so neither does the backup.
 */
export const uploadsDir = join(cmsRoot, 'public', 'uploads');

/** Secrets stored data depends on: API tokens are hashed with the salt, their keys encrypted with the key. */
const FINGERPRINTED_SECRETS = ['API_TOKEN_SALT', 'TRANSFER_TOKEN_SALT', 'ENCRYPTION_KEY'] as const;

export type Database = { client: 'sqlite'; file: string } | { client: 'postgres'; url: string; schema: string };

export interface Installation {
  database: Database;
  uploadsDir: string;
  strapiVersion: string;
  /** Where a running CMS answers 204. */
  healthUrl: string;
  secretFingerprints: Record<string, string>;
}

/** A short one-way digest of a secret: enough to tell two values apart, useless to recover one. */
function fingerprint(secret: string): string {
  return createHash('sha256').update(`clermontech-backup\0${secret}`).digest('hex').slice(0, 16);
}

export function describeInstallation(env: Env): Installation {
  const database: Database =
    env.DATABASE_CLIENT === 'postgres'
      ? { client: 'postgres', url: env.DATABASE_URL!, schema: env.DATABASE_SCHEMA }
      : {
          client: 'sqlite',
          file: isAbsolute(env.DATABASE_FILENAME) ? env.DATABASE_FILENAME : resolve(cmsRoot, env.DATABASE_FILENAME),
        };
  const strapiPackage = JSON.parse(readFileSync(requireFromCms.resolve('@strapi/strapi/package.json'), 'utf8')) as {
    version: string;
  };
  const host = ['0.0.0.0', '::', ''].includes(env.CMS_HOST) ? '127.0.0.1' : env.CMS_HOST;
  return {
    database,
    uploadsDir,
    strapiVersion: strapiPackage.version,
    healthUrl: `http://${host.includes(':') ? `[${host}]` : host}:${env.CMS_PORT}/_health`,
    secretFingerprints: Object.fromEntries(
      FINGERPRINTED_SECRETS.flatMap((name) => (env[name] ? [[name, fingerprint(env[name])]] : [])),
    ),
  };
}

/** True when a CMS answers this installation's health check. */
export async function cmsIsRunning(installation: Installation): Promise<boolean> {
  try {
    const response = await fetch(installation.healthUrl, { signal: AbortSignal.timeout(2000) });
    return response.status === 204;
  } catch {
    return false;
  }
}

/** Numeric comparison of x.y.z versions (pre-release tags ignored): negative when a < b. */
export function compareVersions(a: string, b: string): number {
  const parts = (version: string) =>
    version
      .split(/[.+-]/)
      .slice(0, 3)
      .map((part) => Number.parseInt(part, 10) || 0);
  const [left, right] = [parts(a), parts(b)];
  for (let index = 0; index < 3; index += 1) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
