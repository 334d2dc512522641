import type { Core } from '@strapi/strapi';

/** An admin route as the project's modules write it: Strapi's route, less the `info` this helper adds. */
export type AdminRoute = Omit<Core.Route, 'info'>;

/**
 * Registers `routes` on the admin API under `prefix` (`/admin` is not part of it), as Strapi's
 * `strapi.server.routes({ type: 'admin' })` does, with the `info` Strapi's Router type requires of
 * every route filled in, so callers need no cast.
 */
export function registerAdminRoutes(strapi: Core.Strapi, prefix: string, routes: AdminRoute[]): void {
  strapi.server.routes({
    type: 'admin',
    prefix,
    routes: routes.map((route) => ({ ...route, info: { type: 'admin' } })),
  });
}
