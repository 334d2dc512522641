import type { Core, UID } from '@strapi/strapi';
import type { Context } from 'koa';
import type { EveningAction } from './contracts';

type Check = (entity?: object) => boolean;

/** The content manager's actions this project checks itself. */
export type DocumentAction = EveningAction | 'create' | 'read';

/** The part of the content manager's permission checker used here (its service is untyped). */
interface PermissionChecker {
  cannot: Record<DocumentAction, Check>;
  sanitizedQuery: Record<DocumentAction, (query: object) => Promise<object>>;
}

interface PopulateBuilder {
  populateFromQuery(query: object): { build(): Promise<object> };
}

interface AdminState {
  userAbility?: unknown;
}

/**
 * Whether the admin user behind the request may publish (unpublish, read…) every one of these documents,
 * decided as the content manager's publish button decides it: the role must allow the action on
 * the type, then its conditions (an Author's "only what I created"…) are applied to each stored
 * draft, loaded with the relations those conditions look at.
 */
export async function mayOnAll(
  strapi: Core.Strapi,
  ctx: Context,
  action: DocumentAction,
  model: UID.ContentType,
  documentIds: string[],
): Promise<boolean> {
  const { userAbility } = ctx.state as AdminState;
  if (!userAbility) return false;
  const service = strapi
    .plugin('content-manager')
    .service<{ create(options: { userAbility: unknown; model: string }): PermissionChecker }>('permission-checker');
  const checker = service.create({ userAbility, model });
  if (checker.cannot[action]()) return false;
  if (documentIds.length === 0) return true;
  const permissionQuery = await checker.sanitizedQuery[action]({});
  const populateBuilder = strapi
    .plugin('content-manager')
    .service<(uid: string) => PopulateBuilder>('populate-builder');
  const populate = await populateBuilder(model).populateFromQuery(permissionQuery).build();
  const entities = await strapi
    .documents(model)
    .findMany({ filters: { documentId: { $in: documentIds } }, populate: populate as never, status: 'draft' } as never);
  return entities.length === documentIds.length && entities.every((entity) => !checker.cannot[action](entity));
}
