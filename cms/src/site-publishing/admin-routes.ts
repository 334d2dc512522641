import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { PUBLISHER_PATHS, type Env, type SitePublicStatus } from '@clermontech/config';
import { registerAdminRoutes } from '../http/admin-routes';
import { sendError } from '../http/error-body';
import { REPUBLISH_ACTION } from './contracts';
import { entryLiveStateHandler } from './entry-live-state';

const NO_TOKEN = 'PUBLISHER_TOKEN n’est pas configuré : le CMS ne peut pas commander le serveur du site.';

const oneLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0]!;

/**
 * Admin routes behind the "Site public" widget. The browser talks to the CMS with the volunteer's
 * admin session; only the CMS holds PUBLISHER_TOKEN and talks to the publisher. The widget's routes
 * need the "Republier le site" permission (Editor, Super Admin): the status's details name internal
 * addresses and build errors, and a rebuild costs the machine a whole site build. An entry's live
 * state (entry-live-state.ts) is for every signed-in admin.
 */
export function registerSitePublicRoutes(strapi: Core.Strapi, env: Env): void {
  const publisher = (path: string) => new URL(path, env.PUBLISHER_URL).toString();

  const status = async (ctx: Context) => {
    try {
      // With the token the publisher adds its build details (last failure, timings) to the public state.
      const headers = env.PUBLISHER_TOKEN ? { authorization: `Bearer ${env.PUBLISHER_TOKEN}` } : undefined;
      const response = await fetch(publisher(PUBLISHER_PATHS.status), { headers, signal: AbortSignal.timeout(3_000) });
      if (!response.ok) throw new Error(`the publisher answered ${response.status}`);
      ctx.body = {
        reachable: true,
        siteUrl: env.SITE_URL,
        ...((await response.json()) as object),
      } satisfies SitePublicStatus;
    } catch (error) {
      ctx.body = { reachable: false, error: oneLine(error) } satisfies SitePublicStatus;
    }
  };

  const rebuild = async (ctx: Context) => {
    if (!env.PUBLISHER_TOKEN) return sendError(ctx, 503, NO_TOKEN);
    try {
      const response = await fetch(publisher(PUBLISHER_PATHS.rebuild), {
        method: 'POST',
        headers: { authorization: `Bearer ${env.PUBLISHER_TOKEN}` },
        signal: AbortSignal.timeout(5_000),
      });
      if (response.status !== 202) return sendError(ctx, 502, `Le serveur du site a répondu ${response.status}.`);
      ctx.status = 202;
      ctx.body = { accepted: true };
    } catch (error) {
      sendError(ctx, 502, oneLine(error));
    }
  };

  /** An Editor confirms the large removal the last build was refused for; the publisher builds it once. */
  const confirmRemoval = async (ctx: Context) => {
    if (!env.PUBLISHER_TOKEN) return sendError(ctx, 503, NO_TOKEN);
    const user = ctx.state.user as { firstname?: string; lastname?: string; email?: string } | undefined;
    const by = [user?.firstname, user?.lastname].filter(Boolean).join(' ') || user?.email || 'admin';
    try {
      const response = await fetch(publisher(PUBLISHER_PATHS.confirmRemoval), {
        method: 'POST',
        headers: { authorization: `Bearer ${env.PUBLISHER_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ by }),
        signal: AbortSignal.timeout(5_000),
      });
      if (response.status === 409) return sendError(ctx, 409, 'Aucune suppression en attente de confirmation.');
      if (response.status !== 202) return sendError(ctx, 502, `Le serveur du site a répondu ${response.status}.`);
      ctx.status = 202;
      ctx.body = { accepted: true };
    } catch (error) {
      sendError(ctx, 502, oneLine(error));
    }
  };

  const policies = [
    'admin::isAuthenticatedAdmin',
    { name: 'admin::hasPermissions', config: { actions: [REPUBLISH_ACTION] } },
  ];
  registerAdminRoutes(strapi, '/site-public', [
    { method: 'GET', path: '/status', handler: status, config: { policies } },
    { method: 'POST', path: '/rebuild', handler: rebuild, config: { policies } },
    { method: 'POST', path: '/confirm-removal', handler: confirmRemoval, config: { policies } },
    // Every volunteer sees where their entry is live: any signed-in admin.
    {
      method: 'GET',
      path: '/entries/:uid/:documentId',
      handler: entryLiveStateHandler(strapi, env),
      config: { policies: ['admin::isAuthenticatedAdmin'] },
    },
  ]);
}
