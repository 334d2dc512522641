import { cmsEnv } from '../cms-env';
import { respondToProposal } from '../proposals/respond';
import { formPostLimit } from '../rate-limit/form-post-limit';

/**
 * Talk proposals per client IP, so a robot can neither flood the members' list nor probe the
 * validation. Answered like any other refusal of the form (an HTML page for a plain form post), with 429.
 */
export default () => {
  const env = cmsEnv();
  return formPostLimit(
    { name: 'proposal', max: env.PROPOSAL_RATE_LIMIT_MAX, windowSeconds: env.PROPOSAL_RATE_LIMIT_WINDOW_SECONDS },
    (ctx, minutes) =>
      respondToProposal(ctx, env, {
        status: 429,
        field: 'form',
        message: `Trop de propositions envoyées depuis votre connexion. Réessayez dans ${minutes} min, ou écrivez-nous.`,
      }),
  );
};
