import type { Context, Next } from 'koa';

/**
 * Strapi 5 hands drafts to any role that can read when asked `?status=draft`.
 * The public API (anonymous or the site's read-only token) serves published content only,
 * so any other status is refused before it reaches a controller.
 */
export default () =>
  async function publishedOnly(ctx: Context, next: Next) {
    if (ctx.path.startsWith('/api/') && 'status' in ctx.query && ctx.query.status !== 'published') {
      ctx.status = 400;
      ctx.body = {
        data: null,
        error: { status: 400, name: 'ValidationError', message: 'Only published content is public: remove the status parameter', details: {} },
      };
      return;
    }
    await next();
  };
