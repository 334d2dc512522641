import type { Core } from '@strapi/strapi';
import { hasDraftAccess } from './draft-access';
import { currentRequest, isSignedInAdmin } from './request-kind';

/** The document service's reads; populated relations are read under the status of the query that populates them. */
const READ_ACTIONS = new Set(['findMany', 'findFirst', 'findOne', 'count']);

/** Parameters that select drafts, or tell drafts apart from published versions. */
const DRAFT_SELECTORS = ['publicationFilter', 'hasPublishedVersion'] as const;

/**
 * Every read made for an HTTP request that is not a signed-in admin's (the public role, the site's
 * token, any content-API route however its path was spelt) sees published versions only: the status
 * is forced where the data is read. Reads outside a request (boot, demo content, the importer) and an
 * admin's requests (content-manager, preview links, proposal conversion) are left as asked.
 */
export function enforcePublishedOnlyReads(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (!READ_ACTIONS.has(context.action)) return next();
    const ctx = currentRequest(strapi);
    if (!ctx || isSignedInAdmin(ctx) || hasDraftAccess()) return next();
    const params: Record<string, unknown> = { ...(context.params as Record<string, unknown>), status: 'published' };
    for (const selector of DRAFT_SELECTORS) delete params[selector];
    context.params = params;
    return next();
  });
}
