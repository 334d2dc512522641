import type { Core } from '@strapi/strapi';
import type { Env } from '@clermontech/config';
import { publicReadActions } from './public-permissions';

export const SITE_TOKEN_NAME = 'Site public (lecture seule)';

interface StoredToken {
  id: number;
  accessKey: string;
  permissions?: { action: string }[];
}

/**
 * The site's build reads the CMS with CMS_TOKEN: a custom API token allowed exactly what the public
 * role may do (find/findOne on the published content), so the public role can be closed later
 * without touching the site. Strapi's own "read-only" type would also read users and media.
 * The stored key follows CMS_TOKEN: changing the variable and restarting rotates the token.
 */
export async function ensureSiteToken(strapi: Core.Strapi, env: Env): Promise<void> {
  if (!env.CMS_TOKEN) {
    strapi.log.warn('CMS_TOKEN is not set: the site build will read the CMS as the public role');
    return;
  }
  const tokens = strapi.service('admin::api-token');
  const query = strapi.db.query('admin::api-token');
  const wanted = publicReadActions().sort();
  let token = (await query.findOne({
    where: { name: SITE_TOKEN_NAME },
    populate: ['permissions'],
  })) as StoredToken | null;
  if (!token) {
    token = (await tokens.create({
      name: SITE_TOKEN_NAME,
      description: 'Utilisé par le site pour lire le contenu publié. Géré automatiquement : ne pas modifier.',
      type: 'custom',
      kind: 'content-api',
      lifespan: null,
      permissions: wanted,
    })) as StoredToken;
  } else {
    const current = (token.permissions ?? []).map(({ action }) => action).sort();
    if (current.join() !== wanted.join()) await tokens.update(token.id, { permissions: wanted });
  }
  const accessKey = tokens.hash(env.CMS_TOKEN) as string;
  const stored = (await query.findOne({ where: { id: token.id }, select: ['accessKey'] })) as { accessKey: string };
  if (stored.accessKey !== accessKey) {
    const encryptedKey = strapi.service('admin::encryption').encrypt(env.CMS_TOKEN) as string;
    await query.update({ where: { id: token.id }, data: { accessKey, encryptedKey } });
  }
}
