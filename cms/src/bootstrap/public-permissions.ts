import type { Core } from '@strapi/strapi';
import { CONTENT_TYPES, PUBLIC_CONTENT_TYPES } from '@clermontech/config';

/** What the site's build reads: the site token gets exactly these, never a write. */
export function publicReadActions(): string[] {
  return PUBLIC_CONTENT_TYPES.flatMap((name) => {
    const { uid, single } = CONTENT_TYPES[name];
    return single ? [`${uid}.find`] : [`${uid}.find`, `${uid}.findOne`];
  });
}

/** The one write anybody may make: sending a talk proposal (checked, throttled; never read back). */
export const PUBLIC_WRITE_ACTIONS = ['api::proposal.proposal.create'];

export function publicActions(): string[] {
  return [...publicReadActions(), ...PUBLIC_WRITE_ACTIONS];
}

const PERMISSION = 'plugin::users-permissions.permission';
const ROLE = 'plugin::users-permissions.role';

/**
 * Makes the public role exactly read-only on published content, plus sending a talk proposal,
 * whatever was clicked in the admin since the last boot: missing permissions are granted, any other
 * permission is removed.
 * Registration is closed: accounts are admin users, created by the board.
 */
export async function lockDownPublicRole(strapi: Core.Strapi): Promise<void> {
  const role = await strapi.db.query(ROLE).findOne({ where: { type: 'public' } });
  if (!role) throw new Error('users-permissions public role not found');

  const wanted = new Set(publicActions());
  const current = (await strapi.db.query(PERMISSION).findMany({ where: { role: role.id } })) as {
    id: number;
    action: string;
  }[];
  const extra = current.filter((permission) => !wanted.has(permission.action));
  if (extra.length > 0)
    await strapi.db.query(PERMISSION).deleteMany({ where: { id: { $in: extra.map(({ id }) => id) } } });
  const granted = new Set(current.map(({ action }) => action));
  for (const action of wanted) {
    if (!granted.has(action)) await strapi.db.query(PERMISSION).create({ data: { action, role: role.id } });
  }

  const advanced = strapi.store({ type: 'plugin', name: 'users-permissions', key: 'advanced' });
  const settings = ((await advanced.get()) ?? {}) as Record<string, unknown>;
  if (settings.allow_register !== false) await advanced.set({ value: { ...settings, allow_register: false } });
}
