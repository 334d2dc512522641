import type { Context, Next } from 'koa';
import type { Env } from '@clermontech/config';
import { clientKey } from '../rate-limit/client-key';
import { WindowCounter } from '../rate-limit/window-counter';
import { respondToRegistration } from './respond';

/**
 * Registrations per client IP (an IPv6 client by its /64): every attempt counts, refused ones too,
 * so a robot can neither flood the list nor probe the validation.
 */
export function registrationIpLimit(env: Env) {
  const attempts = new WindowCounter(env.REGISTRATION_RATE_LIMIT_MAX, env.REGISTRATION_RATE_LIMIT_WINDOW_SECONDS * 1000);
  return async function registrationRateLimit(ctx: Context, next: Next) {
    const window = attempts.windowOf(clientKey(ctx.request.ip));
    if (window.exhausted) {
      ctx.set('Retry-After', String(window.retryAfterSeconds));
      return respondToRegistration(ctx, env, {
        status: 429,
        field: 'form',
        message: `Trop d’inscriptions envoyées depuis votre connexion. Réessayez dans ${Math.ceil(window.retryAfterSeconds / 60)} min.`,
      });
    }
    window.count();
    return next();
  };
}

/** Registrations per e-mail address, so one address can't be sent a stream of confirmation requests. */
export function emailLimit(env: Env): (email: string) => { exhausted: boolean; retryAfterSeconds: number } {
  const sent = new WindowCounter(env.REGISTRATION_EMAIL_LIMIT_MAX, env.REGISTRATION_RATE_LIMIT_WINDOW_SECONDS * 1000);
  return (email) => {
    const window = sent.windowOf(email.toLowerCase());
    if (!window.exhausted) window.count();
    return { exhausted: window.exhausted, retryAfterSeconds: window.retryAfterSeconds };
  };
}
