import type { Core } from '@strapi/strapi';

/**
 * Whether `method path` is a route of the content API (`/api/...`), matched by the content API's own
 * router layers: what the router would serve, whatever the spelling (it ignores case, for one), is
 * what this says. Global middlewares run before routing, so they ask here rather than read a prefix.
 */
export function isContentApiRoute(strapi: Core.Strapi, method: string, path: string): boolean {
  const wanted = method.toUpperCase();
  return strapi.server
    .api('content-api')
    .listRoutes()
    .some((layer) => layer.methods.includes(wanted) && layer.match(path));
}
