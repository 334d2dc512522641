import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

/** What Strapi records on `ctx.state` once a request has matched a route and been authenticated. */
interface RouteState {
  route?: { info?: { type?: string } };
  auth?: { strategy?: { name?: string } };
}

/** The strategies that authenticate the admin panel's users and admin-kind tokens. */
const ADMIN_STRATEGIES = new Set(['admin', 'admin-token']);

/** The HTTP request the current code runs for, or undefined outside a request (boot, importer, timers). */
export function currentRequest(strapi: Core.Strapi): Context | undefined {
  return strapi.requestContext.get();
}

/**
 * Whether a request was routed to an admin route and authenticated as an admin. It is decided by the
 * route the router matched and the strategy that authenticated it, never by how the path was spelt.
 */
export function isSignedInAdmin(ctx: Context): boolean {
  const state = ctx.state as RouteState;
  return state.route?.info?.type === 'admin' && ADMIN_STRATEGIES.has(state.auth?.strategy?.name ?? '');
}
