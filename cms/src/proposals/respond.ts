import type { Context } from 'koa';
import type { Env } from '@clermontech/config';
import { errorBody } from '../http/error-body';
import { renderProposalFormPage } from './form-page';

export type ProposalOutcome =
  { status: 201 } | { status: 400 | 403 | 429; field: string; message: string; values?: unknown };

/** Where a person lands after a plain form post that went through. */
export const thanksPath = '/proposer-un-talk/merci/';

/**
 * Answers the talk-proposal form in the language of whoever sent it. The site's script posts JSON
 * and reads JSON. A browser without JavaScript posted a plain form and shows whatever comes back:
 * it is sent to the thank-you page, or shown the form again, filled with what the person typed,
 * above the reason it was refused.
 */
export function respondToProposal(ctx: Context, env: Env, outcome: ProposalOutcome): void {
  const fromPlainForm = Boolean(ctx.is('urlencoded', 'multipart'));
  if (outcome.status === 201) {
    if (fromPlainForm) {
      ctx.status = 303;
      ctx.redirect(new URL(thanksPath, env.SITE_URL).toString());
      return;
    }
    ctx.status = 201;
    ctx.body = { data: { received: true } };
    return;
  }
  ctx.status = outcome.status;
  if (fromPlainForm) {
    ctx.type = 'text/html; charset=utf-8';
    // The page's own form posts here again, and a success leaves for the site: say both may be reached.
    ctx.set(
      'Content-Security-Policy',
      `default-src 'none'; style-src 'unsafe-inline'; form-action 'self' ${new URL(env.SITE_URL).origin}; base-uri 'none'; frame-ancestors 'none'`,
    );
    ctx.body = renderProposalFormPage({
      siteUrl: env.SITE_URL,
      action: ctx.path,
      error: outcome.message,
      field: outcome.field,
      values: outcome.values,
    });
    return;
  }
  ctx.body = errorBody(outcome.status, outcome.message, { field: outcome.field });
}
