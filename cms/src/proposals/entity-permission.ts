import type { Core, UID } from '@strapi/strapi';
import type { Context } from 'koa';

export type ContentAction = 'read' | 'create' | 'update';

type Check = (entity?: object) => boolean;

/** The part of the content manager's permission checker used here (its service is untyped). */
interface PermissionChecker {
  cannot: Record<ContentAction, Check>;
  sanitizedQuery: Record<ContentAction, (query: object) => Promise<object>>;
}

interface PopulateBuilder {
  populateFromQuery(query: object): { build(): Promise<object> };
}

export type EntityAccess = { allowed: true; userId: number } | { allowed: false; status: 403 | 404 };

interface AdminState {
  user?: { id: number };
  userAbility?: unknown;
}

function checkerFor(
  strapi: Core.Strapi,
  ctx: Context,
  model: UID.ContentType,
): { checker: PermissionChecker; userId: number } | undefined {
  const { user, userAbility } = ctx.state as AdminState;
  if (!user || !userAbility) return undefined;
  const service = strapi
    .plugin('content-manager')
    .service<{ create(options: { userAbility: unknown; model: string }): PermissionChecker }>('permission-checker');
  return { checker: service.create({ userAbility, model }), userId: user.id };
}

/** Whether the admin user behind the request may do `action` on some entries of `model` (a new entry, for create). */
export function mayOnModel(strapi: Core.Strapi, ctx: Context, model: UID.ContentType, action: ContentAction): boolean {
  const found = checkerFor(strapi, ctx, model);
  return found !== undefined && !found.checker.cannot[action]();
}

/**
 * Whether the admin user behind the request may do `action` on this entry, decided as the content
 * manager's own controllers decide it: the role must allow the action on the type, then its
 * conditions (an Author's "only what I created", or any custom one) are applied to the stored entry,
 * loaded with the relations those conditions look at. 403 without the right, 404 for no such entry.
 */
export async function entityAccess(
  strapi: Core.Strapi,
  ctx: Context,
  model: UID.ContentType,
  documentId: string,
  action: ContentAction,
): Promise<EntityAccess> {
  const found = checkerFor(strapi, ctx, model);
  if (!found || found.checker.cannot[action]()) return { allowed: false, status: 403 };
  const { checker, userId } = found;
  const permissionQuery = await checker.sanitizedQuery[action]({});
  const populateBuilder = strapi
    .plugin('content-manager')
    .service<(uid: string) => PopulateBuilder>('populate-builder');
  const populate = await populateBuilder(model).populateFromQuery(permissionQuery).build();
  const entity = await strapi.documents(model).findOne({ documentId, populate: populate as never, status: 'draft' });
  if (!entity) return { allowed: false, status: 404 };
  if (checker.cannot[action](entity)) return { allowed: false, status: 403 };
  return { allowed: true, userId };
}
