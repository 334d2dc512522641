import { randomBytes } from 'node:crypto';
import { appendToEnvFile, readEnvFile } from './env-file.js';

/** Strapi's secrets, by Strapi's own variable names. */
export const SECRET_NAMES = [
  'APP_KEYS',
  'API_TOKEN_SALT',
  'ADMIN_JWT_SECRET',
  'JWT_SECRET',
  'TRANSFER_TOKEN_SALT',
  'ENCRYPTION_KEY',
] as const;

const PLACEHOLDERS = /^(tobemodified|changeme|change-me|secret|example|placeholder|xxx+)/i;

/** True for the values that templates ship (Strapi's own "toBeModified1,…" included) and for short strings. */
export function isPlaceholderSecret(value: string): boolean {
  return value.split(',').some((part) => PLACEHOLDERS.test(part.trim()) || part.trim().length < 16);
}

function randomSecret(): string {
  return randomBytes(32).toString('base64');
}

/** A fresh value for one secret; APP_KEYS is a list of four keys, as Strapi expects. */
export function generateSecret(name: (typeof SECRET_NAMES)[number]): string {
  return name === 'APP_KEYS' ? Array.from({ length: 4 }, randomSecret).join(',') : randomSecret();
}

/**
 * Generates, with a CSPRNG, the secrets that neither the environment nor the env file has yet,
 * appends them to the git-ignored env file, and returns their names. Never used in production.
 */
export function ensureLocalSecrets(source: NodeJS.ProcessEnv = process.env): string[] {
  const known = { ...readEnvFile(), ...source };
  const missing = SECRET_NAMES.filter((name) => !known[name]);
  if (missing.length === 0) return [];
  appendToEnvFile(
    Object.fromEntries(missing.map((name) => [name, generateSecret(name)])),
    `Generated on ${new Date().toISOString()} for this machine only. Never commit this file.`,
  );
  return missing;
}
