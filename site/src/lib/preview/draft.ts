import { draftApiPath, isPreviewableContentType, type PreviewableContentType } from '@clermontech/config/contract';
import { cmsConnection } from '../../env.ts';
import { buildCatalog, type Catalog } from '../catalog.ts';
import { loadCollections } from '../content.ts';
import { getJson } from '../strapi/client.ts';
import { CmsResponseError } from '../strapi/errors.ts';
import type { RawEntry } from '../strapi/fetch-entries.ts';
import { absolutizeMediaUrls } from '../strapi/media.ts';
import { SCHEMAS } from '../strapi/schemas.ts';
import { completeDraft, fieldLabel } from './incomplete-draft.ts';

export type PreviewType = PreviewableContentType;

export function isPreviewType(type: string | undefined): type is PreviewType {
  return type !== undefined && isPreviewableContentType(type);
}

/** Why there is nothing to show: the token is missing, forged or expired (401), or the document is gone (404). */
export class PreviewRefused extends Error {
  readonly status: 401 | 404;

  constructor(status: 401 | 404, message: string) {
    super(message);
    this.status = status;
    this.name = 'PreviewRefused';
  }
}

/**
 * The draft, from the CMS's preview route, which checks the token (signed by the CMS for this document)
 * and shapes the entry as the REST API does; validated by the same schema as published entries.
 */
async function fetchDraft(
  type: PreviewType,
  documentId: string,
  token: string,
): Promise<{ entry: RawEntry; related: Partial<Record<PreviewType, RawEntry[]>> }> {
  // The site's read-only token is not sent: the preview token is the only credential.
  const { url } = cmsConnection();
  let body: unknown;
  try {
    body = await getJson({ url, attempts: 2 }, draftApiPath(type, documentId), { token });
  } catch (error) {
    if (error instanceof CmsResponseError && error.status === 401)
      throw new PreviewRefused(401, 'Lien d’aperçu invalide ou expiré');
    if (error instanceof CmsResponseError && error.status === 404)
      throw new PreviewRefused(404, 'Ce contenu n’a pas de brouillon');
    throw error;
  }
  const data = typeof body === 'object' && body !== null ? (body as { data?: unknown }).data : undefined;
  if (typeof data !== 'object' || data === null || (data as RawEntry).documentId !== documentId) {
    throw new CmsResponseError(`CMS answered the preview of ${type} ${documentId} without the entry`);
  }
  const related = (body as { related?: Partial<Record<PreviewType, RawEntry[]>> }).related ?? {};
  const absolute = Object.fromEntries(
    Object.entries(related)
      .filter(([relatedType]) => isPreviewType(relatedType))
      .map(([relatedType, entries]) => [relatedType, (entries ?? []).map((entry) => absolutizeMediaUrls(entry, url))]),
  );
  return { entry: absolutizeMediaUrls(data as RawEntry, url), related: absolute };
}

/**
 * The catalog the public pages would see once this draft is published: the release's published
 * content with the draft in place of (or added to) its published version, and so are the drafts the
 * CMS sends with it (an event's talks and their speakers, a talk's speakers: what "Publier la soirée"
 * publishes together). Relations to other unpublished content are dropped, as on the live site.
 * `missing` names, in French, the required fields a draft lacks (shown with a stand-in meanwhile).
 */
export async function previewCatalog(
  type: PreviewType,
  documentId: string,
  token: string,
): Promise<{ catalog: Catalog; missing: string[] }> {
  const { entry, related } = await fetchDraft(type, documentId, token);
  const collections = await loadCollections();
  const missing: string[] = [];
  const swapIn = (draftType: PreviewType, raw: RawEntry) => {
    // A draft may lack required fields (Strapi checks them at publishing only): stand-ins, named in `missing`.
    const completed = completeDraft(draftType, SCHEMAS[draftType], raw);
    const draft = completed.entry as { documentId: string };
    const name =
      typeof raw.title === 'string' && raw.title
        ? `« ${raw.title} »`
        : typeof raw.name === 'string' && raw.name
          ? `« ${raw.name} »`
          : undefined;
    for (const field of completed.missing)
      missing.push(raw.documentId === documentId || !name ? fieldLabel(field) : `${fieldLabel(field)} (${name})`);
    const entries = (collections as unknown as Record<string, { documentId: string }[]>)[draftType]!;
    (collections as unknown as Record<string, unknown[]>)[draftType] = [
      ...entries.filter((published) => published.documentId !== draft.documentId),
      draft,
    ];
  };
  for (const [relatedType, entries] of Object.entries(related) as [PreviewType, RawEntry[]][])
    for (const raw of entries) swapIn(relatedType, raw);
  swapIn(type, entry);
  return { catalog: buildCatalog(collections, new Date()), missing };
}
