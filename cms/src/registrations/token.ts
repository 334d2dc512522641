import { createHmac, timingSafeEqual } from 'node:crypto';
import { ConfigError, type Env } from '@clermontech/config';

/** What a signed link lets its holder do to one registration. */
export type TokenAction = 'confirm' | 'cancel';

export interface TokenClaims {
  registration: string;
  action: TokenAction;
  /** Expiry, in seconds since the epoch. */
  expires: number;
}

const ACTIONS: readonly TokenAction[] = ['confirm', 'cancel'];

/**
 * The key that signs registration links. Production refuses to start without one; elsewhere the
 * launcher generates it, and without it registrations are refused (nobody could confirm).
 */
export function registrationSecret(env: Env): string | undefined {
  if (!env.REGISTRATION_SECRET && env.NODE_ENV === 'production') {
    throw new ConfigError('Missing secret REGISTRATION_SECRET: set it to 32 random bytes (openssl rand -hex 32)');
  }
  return env.REGISTRATION_SECRET;
}

const sign = (secret: string, payload: string) => createHmac('sha256', secret).update(payload).digest('base64url');

/** `<registration documentId>.<action>.<expiry>.<HMAC>`: readable, unforgeable, safe in a URL. */
export function signToken(secret: string, claims: TokenClaims): string {
  const payload = `${claims.registration}.${claims.action}.${claims.expires}`;
  return `${payload}.${sign(secret, payload)}`;
}

/** The claims of a token signed with `secret`, for `action`, not expired at `now`; undefined otherwise. */
export function verifyToken(secret: string, token: unknown, action: TokenAction, now: Date): TokenClaims | undefined {
  if (typeof token !== 'string' || token.length > 200) return undefined;
  const parts = token.split('.');
  if (parts.length !== 4) return undefined;
  const [registration, claimed, expiresText, signature] = parts as [string, string, string, string];
  const expected = Buffer.from(sign(secret, `${registration}.${claimed}.${expiresText}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  const expires = Number(expiresText);
  if (
    !ACTIONS.includes(claimed as TokenAction) ||
    claimed !== action ||
    !Number.isInteger(expires) ||
    expires * 1000 <= now.getTime()
  )
    return undefined;
  return { registration, action, expires };
}
