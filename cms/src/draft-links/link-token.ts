import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a preview link grants: reading one document's draft until `exp`. */
export interface PreviewClaims {
  uid: string;
  documentId: string;
  /** Expiry, in seconds since the epoch. */
  exp: number;
}

/** How long a preview link works: long enough for an editing session, short enough that a shared link dies. */
export const PREVIEW_TOKEN_TTL_SECONDS = 60 * 60;

const mac = (secret: string, payload: string) => createHmac('sha256', secret).update(payload).digest('base64url');

/** `<payload>.<HMAC-SHA256>`, both base64url: URL-safe, no padding. */
export function signPreviewToken(secret: string, claims: PreviewClaims): string {
  const payload = Buffer.from(
    JSON.stringify({ uid: claims.uid, documentId: claims.documentId, exp: claims.exp }),
  ).toString('base64url');
  return `${payload}.${mac(secret, payload)}`;
}

/** The claims of a token signed with `secret` and not expired at `now` (ms), or undefined. */
export function verifyPreviewToken(secret: string, token: string, now = Date.now()): PreviewClaims | undefined {
  const [payload, signature, ...rest] = token.split('.');
  if (!payload || !signature || rest.length > 0) return undefined;
  const expected = Buffer.from(mac(secret, payload));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof claims !== 'object' || claims === null) return undefined;
  const { uid, documentId, exp } = claims as Record<string, unknown>;
  if (typeof uid !== 'string' || typeof documentId !== 'string' || typeof exp !== 'number') return undefined;
  if (exp * 1000 <= now) return undefined;
  return { uid, documentId, exp };
}
