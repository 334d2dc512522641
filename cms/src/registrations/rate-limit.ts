import type { Context, Next } from 'koa';
import type { Env } from '@clermontech/config';
import { clientKey } from '../rate-limit/client-key';
import { cmsCountStore, RateLimit, type Budget } from '../rate-limit/limiter';
import { respondToRegistration } from './respond';

/**
 * Registrations per client IP (an IPv6 client by its /64): every attempt counts, refused ones too,
 * so a robot can neither flood the list nor probe the validation.
 */
export function registrationIpLimit(env: Env) {
  const attempts = new RateLimit(() => cmsCountStore(strapi), 'registration', env.REGISTRATION_RATE_LIMIT_MAX, env.REGISTRATION_RATE_LIMIT_WINDOW_SECONDS);
  return async function registrationRateLimit(ctx: Context, next: Next) {
    const window = await attempts.spend(clientKey(ctx.request.ip));
    if (window.exhausted) {
      ctx.set('Retry-After', String(window.retryAfterSeconds));
      return respondToRegistration(ctx, env, {
        status: 429,
        field: 'form',
        message: `Trop d’inscriptions envoyées depuis votre connexion. Réessayez dans ${Math.ceil(window.retryAfterSeconds / 60)} min.`,
      });
    }
    return next();
  };
}

/** Registrations per e-mail address, so one address can't be sent a stream of confirmation requests. */
export function emailLimit(env: Env): (email: string) => Promise<Budget> {
  const sent = new RateLimit(() => cmsCountStore(strapi), 'registration-email', env.REGISTRATION_EMAIL_LIMIT_MAX, env.REGISTRATION_RATE_LIMIT_WINDOW_SECONDS);
  return (email) => sent.spend(email.toLowerCase());
}
