import type { Core, UID } from '@strapi/strapi';
import { cmsEnv } from '../../../cms-env';
import {
  CONTENT_TYPES,
  isPreviewableContentType,
  type DraftEntry,
  type PreviewableContentType,
  type RelatedDrafts,
} from '@clermontech/config';
import { findRelatedDrafts } from '../../../draft-links/related-drafts';
import { verifyPreviewToken, type PreviewClaims } from '../../../draft-links/link-token';
import { withDraftAccess } from '../../../security/draft-access';

const draftService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The token's claims when it was signed for exactly this type and document and has not expired. */
  verify(
    type: string,
    documentId: string,
    token: string,
  ): (PreviewClaims & { type: PreviewableContentType }) | undefined {
    const secret = cmsEnv().PREVIEW_SECRET;
    if (!secret || !token || !isPreviewableContentType(type)) return undefined;
    const claims = verifyPreviewToken(secret, token);
    if (!claims || claims.uid !== CONTENT_TYPES[type].uid || claims.documentId !== documentId) return undefined;
    return { ...claims, type };
  },

  /** The document's draft, populated as the site's page reads it and sanitized as the public API would. */
  async findDraft({ type, documentId }: { type: PreviewableContentType; documentId: string }) {
    const { uid, populate } = CONTENT_TYPES[type];
    // A public route: the draft is readable here only because the controller verified the signed token.
    const draft = await withDraftAccess(() =>
      strapi.documents(uid as UID.ContentType).findOne({ documentId, status: 'draft', populate: populate as never }),
    );
    if (!draft) return undefined;
    return (await strapi.contentAPI.sanitize.output(draft, strapi.getModel(uid), {})) as DraftEntry;
  },

  /** The drafts the document's page shows with it (an event's programme): see draft-links/related-drafts.ts. */
  findRelatedDrafts(type: PreviewableContentType, draft: DraftEntry): Promise<RelatedDrafts> {
    return findRelatedDrafts(strapi, type, draft);
  },
});

export type DraftService = ReturnType<typeof draftService>;
export default draftService;
