import type { Core, UID } from '@strapi/strapi';
import { cmsEnv } from '../../../cms-env';
import { isPreviewType, PREVIEW_TYPES, type PreviewType, type RelatedDrafts } from '../../../preview/contracts';
import { findRelatedDrafts } from '../../../preview/related-drafts';
import { verifyPreviewToken, type PreviewClaims } from '../../../preview/token';
import { withDraftAccess } from '../../../security/draft-access';

const previewService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The token's claims when it was signed for exactly this type and document and has not expired. */
  verify(type: string, documentId: string, token: string): (PreviewClaims & { type: PreviewType }) | undefined {
    const secret = cmsEnv().PREVIEW_SECRET;
    if (!secret || !token || !isPreviewType(type)) return undefined;
    const claims = verifyPreviewToken(secret, token);
    if (!claims || claims.uid !== PREVIEW_TYPES[type].uid || claims.documentId !== documentId) return undefined;
    return { ...claims, type };
  },

  /** The document's draft, populated as the site's page reads it and sanitized as the public API would. */
  async findDraft({ type, documentId }: { type: PreviewType; documentId: string }) {
    const { uid, populate } = PREVIEW_TYPES[type];
    // A public route: the draft is readable here only because the controller verified the signed token.
    const draft = await withDraftAccess(() => strapi.documents(uid as UID.ContentType).findOne({ documentId, status: 'draft', populate: populate as never }));
    if (!draft) return undefined;
    return (await strapi.contentAPI.sanitize.output(draft, strapi.getModel(uid as UID.ContentType), {})) as Record<string, unknown> & { documentId: string };
  },

  /** The drafts the document's page shows with it (an event's programme): see preview/related-drafts.ts. */
  findRelatedDrafts(type: PreviewType, draft: Record<string, unknown> & { documentId: string }): Promise<RelatedDrafts> {
    return findRelatedDrafts(strapi, type, draft);
  },
});

export type PreviewService = ReturnType<typeof previewService>;
export default previewService;
