import type { Context, Next } from 'koa';
import type { Core } from '@strapi/strapi';
import { redactUrl } from '../security/redact-url';

/**
 * Strapi's access log line (`GET /api/events (12 ms) 200`), with credentials in the query redacted:
 * a preview link's token opens a draft for an hour, and logs are kept, copied and shared far longer.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async function accessLog(ctx: Context, next: Next) {
    const start = Date.now();
    try {
      await next();
    } finally {
      strapi.log.http(`${ctx.method} ${redactUrl(ctx.url)} (${Math.ceil(Date.now() - start)} ms) ${ctx.status}`);
    }
  };
