import type { Context, Next } from 'koa';
import { clientKey } from './client-key';
import { cmsCountStore, RateLimit } from './limiter';

/**
 * A middleware for a public form's posts: every attempt counts against the sender's IP (an IPv6
 * client by its /64), refused ones too, so a robot can neither flood what the form feeds nor probe
 * its validation. Past the budget it sets Retry-After and lets `refuse` answer in the form's own
 * way, given the minutes to wait.
 */
export function formPostLimit(
  limit: { name: string; max: number; windowSeconds: number },
  refuse: (ctx: Context, minutesToWait: number) => void,
) {
  const attempts = new RateLimit(() => cmsCountStore(strapi), limit.name, limit.max, limit.windowSeconds);
  return async function formPostRateLimit(ctx: Context, next: Next) {
    const budget = await attempts.spend(clientKey(ctx.request.ip));
    if (!budget.exhausted) return next();
    ctx.set('Retry-After', String(budget.retryAfterSeconds));
    refuse(ctx, Math.ceil(budget.retryAfterSeconds / 60));
  };
}
