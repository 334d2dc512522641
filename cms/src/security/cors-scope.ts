import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { isContentApiRoute } from './content-api-routes';

/** What the site's scripts do with the CMS: read the public API, post the proposal form. */
export const CORS_METHODS = ['GET', 'HEAD', 'POST'];

const running = () => (globalThis as unknown as { strapi: Core.Strapi }).strapi;

/**
 * `strapi::cors`'s origin list for one request: the site's origin on content-API routes reached with
 * one of CORS_METHODS (for a preflight, the method it announces), none elsewhere. The admin's routes
 * answer no other origin, so a script on the site can't use a volunteer's session with the CMS.
 */
export function siteOriginOnContentApi(siteOrigin: string) {
  return (ctx: Context): string[] => {
    const method = ctx.method === 'OPTIONS' ? ctx.get('Access-Control-Request-Method') : ctx.method;
    return CORS_METHODS.includes(method.toUpperCase()) && isContentApiRoute(running(), method, ctx.path)
      ? [siteOrigin]
      : [];
  };
}
