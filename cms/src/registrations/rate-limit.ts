import type { Env } from '@clermontech/config';
import { formPostLimit } from '../rate-limit/form-post-limit';
import { cmsCountStore, RateLimit, type Budget } from '../rate-limit/limiter';
import { respondToRegistration } from './respond';

/** Registrations per client IP, so a robot can neither flood the list nor probe the validation. */
export function registrationIpLimit(env: Env) {
  return formPostLimit(
    {
      name: 'registration',
      max: env.REGISTRATION_RATE_LIMIT_MAX,
      windowSeconds: env.REGISTRATION_RATE_LIMIT_WINDOW_SECONDS,
    },
    (ctx, minutes) =>
      respondToRegistration(ctx, env, {
        status: 429,
        field: 'form',
        message: `Trop d’inscriptions envoyées depuis votre connexion. Réessayez dans ${minutes} min.`,
      }),
  );
}

/** Registrations per e-mail address, so one address can't be sent a stream of confirmation requests. */
export function emailLimit(env: Env): (email: string) => Promise<Budget> {
  const sent = new RateLimit(
    () => cmsCountStore(strapi),
    'registration-email',
    env.REGISTRATION_EMAIL_LIMIT_MAX,
    env.REGISTRATION_RATE_LIMIT_WINDOW_SECONDS,
  );
  return (email) => sent.spend(email.toLowerCase());
}
