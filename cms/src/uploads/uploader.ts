import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';

/** The route information Strapi's authentication reads: an admin route with the default admin strategies. */
const ADMIN_ROUTE = { info: { type: 'admin' }, config: {} };

interface AuthService {
  authenticate(ctx: Context, next: () => Promise<void>): Promise<unknown>;
  verify(auth: unknown, config?: unknown): Promise<unknown> | unknown;
}

interface Ability {
  can(action: string): boolean;
}

export type Uploader = 'none' | 'not-allowed' | 'allowed';

/**
 * Who sends this request, as the admin's upload routes will see it: Strapi's own admin
 * authentication (session JWT or admin token) runs on a copy of the request's state, before the
 * body is read, and the user's role must allow creating or replacing media.
 */
export async function uploaderOf(strapi: Core.Strapi, ctx: Context): Promise<Uploader> {
  // A context of its own: the real route authenticates again, on the state it expects.
  const probe = Object.create(ctx) as Context;
  probe.state = { route: ADMIN_ROUTE };
  const auth = strapi.get<AuthService>('auth');
  let authenticated = false;
  try {
    await auth.authenticate(probe, async () => {
      authenticated = true;
    });
    if (!authenticated) return 'none';
    await auth.verify(probe.state.auth);
  } catch {
    return 'none';
  }
  const ability = probe.state.userAbility as Ability | undefined;
  return ability?.can('plugin::upload.assets.create') || ability?.can('plugin::upload.assets.update')
    ? 'allowed'
    : 'not-allowed';
}
