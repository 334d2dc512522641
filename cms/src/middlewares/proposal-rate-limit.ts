import type { Context, Next } from 'koa';
import { cmsEnv } from '../cms-env';
import { respondToProposal } from '../proposals/respond';
import { clientKey } from '../rate-limit/client-key';
import { cmsCountStore, RateLimit } from '../rate-limit/limiter';

/**
 * Talk proposals per client IP: every attempt counts, refused ones included, so a robot can neither
 * flood the members' list nor probe the validation. Answered like any other refusal of the form
 * (an HTML page for a plain form post), with 429.
 */
export default () => {
  const env = cmsEnv();
  const attempts = new RateLimit(() => cmsCountStore(strapi), 'proposal', env.PROPOSAL_RATE_LIMIT_MAX, env.PROPOSAL_RATE_LIMIT_WINDOW_SECONDS);

  return async function proposalRateLimit(ctx: Context, next: Next) {
    const window = await attempts.spend(clientKey(ctx.request.ip));
    if (window.exhausted) {
      ctx.set('Retry-After', String(window.retryAfterSeconds));
      return respondToProposal(ctx, env, {
        status: 429,
        field: 'form',
        message: `Trop de propositions envoyées depuis votre connexion. Réessayez dans ${Math.ceil(window.retryAfterSeconds / 60)} min, ou écrivez-nous.`,
      });
    }
    return next();
  };
};
