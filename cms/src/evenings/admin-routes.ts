import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import {
  EVENINGS_ROUTE_PREFIX,
  type EveningAction,
  type EveningActionRefusal,
  type EveningActionResult,
} from './contracts';
import {
  documentsOf,
  EVENT,
  EveningIncomplete,
  EveningNotFound,
  loadEvening,
  publishEvening,
  SPEAKER,
  TALK,
  unpublishEvening,
  VENUE,
  venuesToPublish,
} from './evening';
import { resultMessage } from './messages';
import { registerAdminRoutes } from '../http/admin-routes';
import { errorBody, type ErrorStatus } from '../http/error-body';
import { mayOnAll } from './publish-permission';
import { registerPlannerRoutes } from './planner-routes';

function refuse(ctx: Context, status: ErrorStatus, message: string, missing?: string[]): void {
  ctx.status = status;
  const body: EveningActionRefusal = errorBody(status, message, missing ? { missing } : {});
  ctx.body = body;
}

/** Like mayOnAll, but nothing to change asks for no right on the type. */
const mayOnAllIfAny = async (...args: Parameters<typeof mayOnAll>) => args[4].length === 0 || mayOnAll(...args);

const VERB: Record<EveningAction, string> = { publish: 'publier', unpublish: 'dépublier' };

/**
 * "Publier la soirée" and "Dépublier la soirée": the event, its talks and their speakers change
 * state together, in one transaction, so the site never shows an evening without its programme
 * and rebuilds once. The admin user's role must allow the action on every one of those documents.
 */
export function registerEveningAdminRoutes(strapi: Core.Strapi): void {
  const handler = (action: EveningAction) => async (ctx: Context) => {
    const refusal = `Votre rôle ne permet pas de ${VERB[action]} cet événement, ses talks et leurs speakers.`;
    // The role is checked on the types before anything is read: an Author learns nothing about the event.
    if (!(await mayOnAll(strapi, ctx, action, EVENT, []))) return refuse(ctx, 403, refusal);
    let evening;
    try {
      evening = await loadEvening(strapi, String(ctx.params.documentId));
    } catch (error) {
      if (error instanceof EveningNotFound) return refuse(ctx, 404, 'Cet événement n’existe pas.');
      throw error;
    }
    const documents = documentsOf(evening);
    const allowed =
      (await mayOnAll(strapi, ctx, action, EVENT, [documents.event])) &&
      (await mayOnAll(strapi, ctx, action, TALK, documents.talks)) &&
      (await mayOnAll(strapi, ctx, action, SPEAKER, documents.speakers)) &&
      (action === 'unpublish' ||
        (await mayOnAllIfAny(strapi, ctx, action, VENUE, await venuesToPublish(strapi, documents))));
    if (!allowed) return refuse(ctx, 403, refusal);
    try {
      const counts =
        action === 'publish' ? await publishEvening(strapi, evening) : await unpublishEvening(strapi, evening);
      const body: EveningActionResult = { action, counts, message: resultMessage(action, counts) };
      ctx.body = body;
    } catch (error) {
      if (error instanceof EveningIncomplete) return refuse(ctx, 409, error.message, error.missing);
      throw error;
    }
  };

  registerAdminRoutes(strapi, EVENINGS_ROUTE_PREFIX, [
    {
      method: 'POST',
      path: '/:documentId/publish',
      handler: handler('publish'),
      config: { policies: ['admin::isAuthenticatedAdmin'] },
    },
    {
      method: 'POST',
      path: '/:documentId/unpublish',
      handler: handler('unpublish'),
      config: { policies: ['admin::isAuthenticatedAdmin'] },
    },
  ]);
  registerPlannerRoutes(strapi);
}
