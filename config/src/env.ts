import { z } from 'zod';
import { readEnvFile } from './env-file.js';
import { SECRET_NAMES, isPlaceholderSecret } from './secrets.js';

/** Thrown when the environment is unusable; its message is one line naming the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const port = z.coerce.number().int().min(1).max(65535);
const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');
const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value));

const EnvSchema = z
  .object({
    /** development | production | test; production refuses weak or missing secrets. */
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    /** Interface the CMS binds to. */
    CMS_HOST: z.string().default('127.0.0.1'),
    /** Port of the CMS (admin and REST API). */
    CMS_PORT: port.default(1337),
    /** Public URL of the CMS, as browsers and the site build reach it. */
    CMS_URL: optionalText.pipe(z.url().optional()),
    /** The CMS runs behind one reverse proxy: trust its X-Forwarded-For (one hop, never more). */
    CMS_TRUST_PROXY: flag.default(false),
    /** Failed sign-in attempts allowed per client IP and window before 429. */
    AUTH_RATE_LIMIT_MAX: z.coerce.number().int().min(1).default(10),
    AUTH_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
    /** Talk proposals accepted per client IP and window (every attempt counts, refused ones too). */
    PROPOSAL_RATE_LIMIT_MAX: z.coerce.number().int().min(1).default(10),
    PROPOSAL_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(3600),
    /** Signs the links of registration e-mails (confirm, cancel): HMAC key, at least 32 random bytes; required in production. */
    REGISTRATION_SECRET: optionalText.pipe(
      z.string().min(43, 'must hold at least 32 random bytes (openssl rand -hex 32)').optional(),
    ),
    /** Registrations accepted per client IP (per /64 for IPv6) and window, and per e-mail address and window. */
    REGISTRATION_RATE_LIMIT_MAX: z.coerce.number().int().min(1).default(20),
    REGISTRATION_EMAIL_LIMIT_MAX: z.coerce.number().int().min(1).default(3),
    REGISTRATION_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(3600),
    /** Days after an event when its registrations are anonymised. */
    REGISTRATION_RETENTION_DAYS: z.coerce.number().int().min(1).default(30),
    /** Where new talk proposals are announced (the team's address); no announcement when unset. */
    PROPOSAL_EMAIL: optionalText.pipe(z.email().optional()),
    /** Sender of the CMS's e-mails, e.g. "Clermont'ech <contact@clermontech.fr>". */
    EMAIL_FROM: z.string().default("Clermont'ech <no-reply@localhost>"),
    /** SMTP relay of the CMS's e-mails; without it, e-mails are written to the CMS's log only. */
    SMTP_HOST: optionalText,
    SMTP_PORT: port.default(587),
    /** true: TLS from the first byte (port 465); false: STARTTLS when the server offers it. */
    SMTP_SECURE: flag.default(false),
    SMTP_USER: optionalText,
    SMTP_PASSWORD: optionalText,
    /** Largest accepted upload, in megabytes. */
    UPLOAD_MAX_MB: z.coerce.number().min(1).default(25),
    /** Path of the admin panel, e.g. /admin. */
    CMS_ADMIN_PATH: z
      .string()
      .regex(/^\/[a-z0-9-]+$/, 'must look like /admin')
      .default('/admin'),
    /** Port of the public site (served by the publisher). */
    SITE_PORT: port.default(4321),
    /** Public URL of the site. */
    SITE_URL: optionalText.pipe(z.url().optional()),
    /** Interface the publisher (the site's server) binds to. */
    SITE_HOST: z.string().default('127.0.0.1'),
    /** Bearer token of the CMS's webhook to the publisher: at least 32 random bytes (64 hex characters). */
    PUBLISHER_TOKEN: optionalText.pipe(
      z.string().min(43, 'must hold at least 32 random bytes (openssl rand -hex 32)').optional(),
    ),
    /** Signs the CMS's short-lived preview links (HMAC key, at least 32 random bytes); preview is off without it. */
    PREVIEW_SECRET: optionalText.pipe(
      z.string().min(43, 'must hold at least 32 random bytes (openssl rand -hex 32)').optional(),
    ),
    /** URL where the CMS reaches the publisher (default http://127.0.0.1:$SITE_PORT). */
    PUBLISHER_URL: optionalText.pipe(z.url().optional()),
    /** Where the publisher keeps its releases (default site/.releases). */
    PUBLISHER_RELEASES_DIR: optionalText,
    /** How often the publisher asks the CMS whether something changed that no webhook announced. */
    PUBLISHER_RECONCILE_SECONDS: z.coerce.number().int().min(0).default(180),
    /**
     * The publisher's build process stays up between builds (no Node, Astro and Vite start-up per
     * publish) until its resident size passes this many MiB after a build; 0 = a new one every build.
     */
    PUBLISHER_BUILD_PROCESS_MAX_MB: z.coerce.number().int().min(0).default(1280),
    /**
     * A new release links the live release's unchanged files rather than copying them from Astro's
     * cache (site/src/integrations/shared-release-files.ts); false: every release a copy of its own.
     */
    PUBLISHER_SHARE_RELEASE_FILES: flag.default(true),
    /** sqlite (default) or postgres. */
    DATABASE_CLIENT: z.enum(['sqlite', 'postgres']).default('sqlite'),
    /** SQLite file, relative to cms/ unless absolute. */
    DATABASE_FILENAME: z.string().default('.tmp/data.db'),
    /** PostgreSQL connection string, required when DATABASE_CLIENT=postgres. */
    DATABASE_URL: optionalText,
    /** Postgres schema. */
    DATABASE_SCHEMA: z.string().default('public'),
    /** First super admin, created at boot when both are set and no admin exists. */
    CMS_ADMIN_EMAIL: optionalText.pipe(z.email().optional()),
    CMS_ADMIN_PASSWORD: optionalText,
    /** Seed the demo content into an empty database (default: yes, except in production). */
    SEED_DEMO: flag.optional(),
    /** Read-only API token the site build uses (the CMS can write it to the env file). */
    CMS_TOKEN: optionalText,
    /** Strapi's own secrets; generated locally on first start, required in production. */
    APP_KEYS: optionalText,
    API_TOKEN_SALT: optionalText,
    ADMIN_JWT_SECRET: optionalText,
    JWT_SECRET: optionalText,
    TRANSFER_TOKEN_SALT: optionalText,
    ENCRYPTION_KEY: optionalText,
  })
  .transform((env) => ({
    ...env,
    CMS_URL: env.CMS_URL ?? `http://localhost:${env.CMS_PORT}`,
    SITE_URL: env.SITE_URL ?? `http://localhost:${env.SITE_PORT}`,
    PUBLISHER_URL: env.PUBLISHER_URL ?? `http://127.0.0.1:${env.SITE_PORT}`,
    SEED_DEMO: env.SEED_DEMO ?? env.NODE_ENV !== 'production',
  }));

export type Env = z.infer<typeof EnvSchema>;
export type Secrets = Record<(typeof SECRET_NAMES)[number], string>;

/** Turns zod's issues into the one line a person reads first. */
function describeIssue(issue: z.core.$ZodIssue): string {
  const name = issue.path.join('.') || 'environment';
  return `Invalid environment variable ${name}: ${issue.message}`;
}

/**
 * Parses and validates the environment (process.env over the repo's .env file).
 * Throws a ConfigError naming the first wrong variable.
 */
export function loadEnv(source: NodeJS.ProcessEnv = process.env, envFile?: string): Env {
  const merged = { ...readEnvFile(envFile), ...source };
  const parsed = EnvSchema.safeParse(merged);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new ConfigError(first ? describeIssue(first) : 'Invalid environment');
  }
  const env = parsed.data;
  if (env.DATABASE_CLIENT === 'postgres' && !env.DATABASE_URL) {
    throw new ConfigError('DATABASE_URL is required when DATABASE_CLIENT=postgres');
  }
  if (env.CMS_ADMIN_EMAIL && !env.CMS_ADMIN_PASSWORD) {
    throw new ConfigError('CMS_ADMIN_PASSWORD is required when CMS_ADMIN_EMAIL is set');
  }
  return env;
}

/**
 * The CMS's secrets, refusing to run without them. In production a placeholder is refused too:
 * a template value copied into a real server is as good as no secret.
 */
export function requireSecrets(env: Env): Secrets {
  const secrets = {} as Secrets;
  for (const name of SECRET_NAMES) {
    const value = env[name];
    if (!value) {
      throw new ConfigError(
        `Missing secret ${name}: run "npm start" once to generate local secrets, or set it in the environment`,
      );
    }
    if (env.NODE_ENV === 'production' && isPlaceholderSecret(value)) {
      throw new ConfigError(`Secret ${name} is a placeholder; set a random value (openssl rand -base64 32)`);
    }
    secrets[name] = value;
  }
  return secrets;
}
