import type { Core } from '@strapi/strapi';

/**
 * The two tokens Strapi creates on a fresh install (admin/server/src/services/constants.ts,
 * DEFAULT_API_TOKENS), recognised by name, type and Strapi's own description together, so a token
 * a volunteer made later is never taken for one of them.
 */
export const STRAPI_DEFAULT_API_TOKENS = [
  {
    name: 'Read Only',
    type: 'read-only',
    description: 'A default API token with read-only permissions, only used for accessing resources',
  },
  {
    name: 'Full Access',
    type: 'full-access',
    description: 'A default API token with full access permissions, used for accessing or modifying resources',
  },
] as const;

/**
 * Strapi gives every new install a "Full Access" and a "Read Only" API token that never expire; this
 * site uses neither (the site reads with its own token, see site-token.ts), and either one leaked from
 * the admin's token page would read or rewrite everything. They are revoked at every boot.
 */
export async function removeDefaultApiTokens(strapi: Core.Strapi): Promise<void> {
  const tokens = strapi.service('admin::api-token');
  const found = (await strapi.db.query('admin::api-token').findMany({
    where: { $or: STRAPI_DEFAULT_API_TOKENS.map(({ name, type, description }) => ({ name, type, description })) },
    select: ['id', 'name'],
  })) as { id: number; name: string }[];
  for (const token of found) {
    await tokens.revoke(token.id);
    strapi.log.info(`Strapi's default API token "${token.name}" revoked: the site reads with its own token`);
  }
}
