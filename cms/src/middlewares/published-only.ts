import type { Context, Next } from 'koa';
import type { Core } from '@strapi/strapi';
import { sendError } from '../http/error-body';
import { isContentApiRoute } from '../security/content-api-routes';

/** Query parameters that ask the content API about drafts. */
const DRAFT_SELECTORS = ['publicationFilter', 'hasPublishedVersion'];

function asksForDrafts(query: Record<string, unknown>): string | undefined {
  if (Object.hasOwn(query, 'status') && query.status !== 'published') return 'status';
  return DRAFT_SELECTORS.find((name) => Object.hasOwn(query, name));
}

/**
 * Strapi 5 hands drafts to any role that can read when asked `?status=draft`. A content-API request
 * asking for anything but published content is refused with a 400 that says why. Which requests are
 * content-API ones is the router's own answer, so `/API//events/` is one too. This refusal is the
 * polite half: the guarantee is that reads made for such requests are published-only whatever they
 * ask (security/published-only-reads.ts).
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async function publishedOnly(ctx: Context, next: Next) {
    const parameter = asksForDrafts(ctx.query);
    if (parameter && isContentApiRoute(strapi, ctx.method, ctx.path)) {
      sendError(ctx, 400, `Only published content is public: remove the ${parameter} parameter`);
      return;
    }
    await next();
  };
