import type { Core } from '@strapi/strapi';
import type { Env } from '@clermontech/config';

/**
 * Headless setups and tests get their first super admin from CMS_ADMIN_EMAIL/CMS_ADMIN_PASSWORD.
 * Once any admin exists this does nothing, so Strapi's own first-visit registration applies otherwise.
 */
export async function ensureFirstAdmin(strapi: Core.Strapi, env: Env): Promise<void> {
  if (!env.CMS_ADMIN_EMAIL || !env.CMS_ADMIN_PASSWORD) return;
  const users = strapi.service('admin::user');
  if (await users.exists()) return;
  await users.createFirstAdmin({
    email: env.CMS_ADMIN_EMAIL,
    password: env.CMS_ADMIN_PASSWORD,
    firstname: 'Admin',
    lastname: 'Clermont’ech',
  });
  strapi.log.info(`First super admin created: ${env.CMS_ADMIN_EMAIL}`);
}
