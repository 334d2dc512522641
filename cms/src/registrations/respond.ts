import type { Context } from 'koa';
import { REGISTRATION_PAGES, type Env, type RegistrationPage } from '@clermontech/config';
import { errorBody } from '../http/error-body';
import { renderRegistrationFormPage } from './pages';

export type CreateOutcome =
  { status: 201 } | { status: 400 | 403 | 409 | 429 | 503; field: string; message: string; values?: unknown };

/** The CSP of the CMS's own small pages: inline style, forms posting here or to the site, nothing else. */
export function setPageHeaders(ctx: Context, env: Env): void {
  ctx.type = 'text/html; charset=utf-8';
  ctx.set('Cache-Control', 'no-store');
  ctx.set(
    'Content-Security-Policy',
    `default-src 'none'; style-src 'unsafe-inline'; form-action 'self' ${new URL(env.SITE_URL).origin}; base-uri 'none'; frame-ancestors 'none'`,
  );
}

/** Sends the browser to one of the site's answer pages. */
export function redirectToPage(
  ctx: Context,
  env: Env,
  page: RegistrationPage,
  search: Record<string, string> = {},
): void {
  const url = new URL(REGISTRATION_PAGES[page], env.SITE_URL);
  for (const [name, value] of Object.entries(search)) url.searchParams.set(name, value);
  ctx.set('Cache-Control', 'no-store');
  ctx.status = 303;
  ctx.redirect(url.toString());
}

/**
 * Answers the registration form as it was sent: the page's script posts JSON and reads JSON; a
 * plain form post is sent to the answer page, or shown the form again with the reason.
 */
export function respondToRegistration(ctx: Context, env: Env, outcome: CreateOutcome): void {
  const fromPlainForm = Boolean(ctx.is('urlencoded', 'multipart'));
  if (outcome.status === 201) {
    if (fromPlainForm) return redirectToPage(ctx, env, 'received');
    ctx.status = 201;
    ctx.body = { data: { received: true } };
    return;
  }
  ctx.status = outcome.status;
  if (fromPlainForm) {
    setPageHeaders(ctx, env);
    ctx.body = renderRegistrationFormPage({
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
