import type { Core } from '@strapi/strapi';
import { CONTENT_TYPES, contentTypeOfUid, draftPagePath, isPreviewableContentType } from '@clermontech/config';
import { PREVIEW_TOKEN_TTL_SECONDS, signPreviewToken } from './link-token';

interface PreviewParams {
  documentId?: string;
}

interface PermissionChecker {
  cannot: { read: (entity?: unknown) => boolean };
}

/**
 * Whether the admin user behind the current request may read this document. Strapi calls the
 * preview handler for any logged-in admin ("TODO: Permissions to preview content" in its controller),
 * so the content-manager's own read check is applied here, conditions (an Author's own entries) included.
 */
async function canRead(strapi: Core.Strapi, uid: string, documentId: string): Promise<boolean> {
  const userAbility: unknown = strapi.requestContext.get()?.state?.userAbility;
  if (!userAbility) return false;
  const checker = strapi
    .plugin('content-manager')
    .service<{ create: (options: unknown) => PermissionChecker }>('permission-checker')
    .create({
      userAbility,
      model: uid,
    });
  if (checker.cannot.read()) return false;
  const draft = await strapi.db
    .query(uid)
    .findOne({ where: { documentId, publishedAt: null }, populate: ['createdBy'] });
  return Boolean(draft) && !checker.cannot.read(draft);
}

/**
 * Strapi's preview handler: for a document the admin user may read, the site's preview URL carrying a
 * token signed with PREVIEW_SECRET; null (no preview) for other content types.
 */
export function createPreviewHandler(siteUrl: string, secret: string) {
  return async (uid: string, { documentId }: PreviewParams): Promise<string | null> => {
    const type = contentTypeOfUid(uid);
    if (!type || !isPreviewableContentType(type) || !documentId) return null;
    const strapi = (globalThis as unknown as { strapi: Core.Strapi }).strapi;
    if (!(await canRead(strapi, CONTENT_TYPES[type].uid, documentId))) return null;
    const token = signPreviewToken(secret, {
      uid,
      documentId,
      exp: Math.floor(Date.now() / 1000) + PREVIEW_TOKEN_TTL_SECONDS,
    });
    const url = new URL(draftPagePath(type, documentId), siteUrl);
    url.searchParams.set('token', token);
    return url.href;
  };
}
