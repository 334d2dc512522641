import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * True when the Authorization header carries exactly `Bearer <token>`. Both sides are hashed first so
 * the comparison is constant-time whatever the presented length.
 */
export function isAuthorized(header: string | null, token: string): boolean {
  const match = /^Bearer (\S+)$/.exec(header ?? '');
  if (!match) return false;
  return timingSafeEqual(digest(match[1]!), digest(token));
}
