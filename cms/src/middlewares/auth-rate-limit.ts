import type { Context, Next } from 'koa';
import { cmsEnv } from '../cms-env';
import { clientKey } from '../rate-limit/client-key';
import { cmsCountStore, RateLimit, refuseTooMany } from '../rate-limit/limiter';

/** Sign-in and account routes of the admin and of users-permissions, on a normalised path. */
const AUTH_PATH =
  /^\/(admin\/(login|register|register-admin|forgot-password|reset-password|renew-token|access-token)|api\/auth(\/.*)?|api\/connect(\/.*)?)$/;

/** Lower-case, no repeated or trailing slashes: `/ADMIN//Login/` is `/admin/login`. */
export function normalisePath(path: string): string {
  return path
    .toLowerCase()
    .replace(/\/{2,}/g, '/')
    .replace(/(.)\/+$/, '$1');
}

/**
 * Counts failed requests to the auth routes per client IP, whatever e-mail is tried or however the
 * path is spelt, and answers 429 once the window's budget is spent. Strapi's own limiter keys on
 * the e-mail too, which rotating addresses walks around.
 */
export default () => {
  const env = cmsEnv();
  const failures = new RateLimit(
    () => cmsCountStore(strapi),
    'auth',
    env.AUTH_RATE_LIMIT_MAX,
    env.AUTH_RATE_LIMIT_WINDOW_SECONDS,
  );

  return async function authRateLimit(ctx: Context, next: Next) {
    if (!AUTH_PATH.test(normalisePath(ctx.path))) return next();
    const client = clientKey(ctx.request.ip);
    const window = await failures.check(client);
    if (window.exhausted)
      return refuseTooMany(ctx, window.retryAfterSeconds, 'Too many attempts, please try again later.');
    try {
      await next();
    } finally {
      if (ctx.status >= 400) await failures.count(client);
    }
  };
};
