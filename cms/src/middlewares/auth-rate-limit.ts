import type { Context, Next } from 'koa';
import { cmsEnv } from '../cms-env';

/** Sign-in and account routes of the admin and of users-permissions, on a normalised path. */
const AUTH_PATH = /^\/(admin\/(login|register|register-admin|forgot-password|reset-password|renew-token|access-token)|api\/auth(\/.*)?|api\/connect(\/.*)?)$/;

/** Lower-case, no repeated or trailing slashes: `/ADMIN//Login/` is `/admin/login`. */
export function normalisePath(path: string): string {
  return path.toLowerCase().replace(/\/{2,}/g, '/').replace(/(.)\/+$/, '$1');
}

interface Attempts {
  failures: number;
  resetAt: number;
}

const MAX_TRACKED = 50_000;

/**
 * Counts failed requests to the auth routes per client IP (the socket's address, or the one address
 * the trusted proxy adds: see server.proxy), whatever e-mail is tried or however the path is spelt,
 * and answers 429 once the window's budget is spent. Strapi's own limiter keys on the e-mail too,
 * which rotating addresses walks around.
 */
export default () => {
  const env = cmsEnv();
  const windowMs = env.AUTH_RATE_LIMIT_WINDOW_SECONDS * 1000;
  const attempts = new Map<string, Attempts>();

  return async function authRateLimit(ctx: Context, next: Next) {
    if (!AUTH_PATH.test(normalisePath(ctx.path))) return next();
    const now = Date.now();
    const key = ctx.request.ip;
    let entry = attempts.get(key);
    if (!entry || entry.resetAt <= now) {
      if (attempts.size >= MAX_TRACKED) attempts.clear();
      entry = { failures: 0, resetAt: now + windowMs };
      attempts.set(key, entry);
    }
    if (entry.failures >= env.AUTH_RATE_LIMIT_MAX) {
      ctx.status = 429;
      ctx.set('Retry-After', String(Math.ceil((entry.resetAt - now) / 1000)));
      ctx.body = { data: null, error: { status: 429, name: 'RateLimitError', message: 'Too many attempts, please try again later.', details: {} } };
      return;
    }
    try {
      await next();
    } finally {
      if (ctx.status >= 400) entry.failures += 1;
    }
  };
};
