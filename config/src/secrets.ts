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

/**
 * Shared tokens between the parts: the site's read-only CMS token, the publisher's webhook token,
 * the key that signs preview links, and the one that signs registration links (the CMS's alone).
 * Generated locally like the secrets; set them yourself in production, on both sides.
 */
export const SHARED_TOKEN_NAMES = ['CMS_TOKEN', 'PUBLISHER_TOKEN', 'PREVIEW_SECRET', 'REGISTRATION_SECRET'] as const;

const PLACEHOLDERS = /^(tobemodified|changeme|change-me|secret|example|placeholder|xxx+)/i;

/** True for the values that templates ship (Strapi's own "toBeModified1,…" included) and for short strings. */
export function isPlaceholderSecret(value: string): boolean {
  return value.split(',').some((part) => PLACEHOLDERS.test(part.trim()) || part.trim().length < 16);
}

function randomSecret(): string {
  return randomBytes(32).toString('base64');
}

/** A fresh value for one secret; APP_KEYS is a list of four keys, as Strapi expects. */
export function generateSecret(name: (typeof SECRET_NAMES)[number] | (typeof SHARED_TOKEN_NAMES)[number]): string {
  if (name === 'APP_KEYS') return Array.from({ length: 4 }, randomSecret).join(',');
  // Tokens travel in HTTP headers: hex keeps them free of characters that need quoting.
  if ((SHARED_TOKEN_NAMES as readonly string[]).includes(name)) return randomBytes(32).toString('hex');
  return randomSecret();
}

/**
 * Generates, with a CSPRNG, the secrets and shared tokens that neither the environment nor the env file has yet,
 * appends them to the git-ignored env file, and returns their names. Never used in production.
 */
export function ensureLocalSecrets(source: NodeJS.ProcessEnv = process.env): string[] {
  const known = { ...readEnvFile(), ...source };
  const missing = [...SECRET_NAMES, ...SHARED_TOKEN_NAMES].filter((name) => !known[name]);
  if (missing.length === 0) return [];
  appendToEnvFile(
    Object.fromEntries(missing.map((name) => [name, generateSecret(name)])),
    `Generated on ${new Date().toISOString()} for this machine only. Never commit this file.`,
  );
  return missing;
}
