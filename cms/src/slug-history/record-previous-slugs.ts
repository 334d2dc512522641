import type { Core } from '@strapi/strapi';

/** The JSON attribute (hidden in the admin) holding a document's earlier public slugs, oldest first. */
export const PREVIOUS_SLUGS = 'previousSlugs';
const SLUG = 'slug';

type Row = { id: number; slug?: string; previousSlugs?: unknown };

/** The content types whose pages keep their old addresses: those declaring `previousSlugs`. */
function typesWithHistory(strapi: Core.Strapi): Set<string> {
  return new Set(
    Object.entries(strapi.contentTypes).flatMap(([uid, type]) =>
      PREVIOUS_SLUGS in type.attributes && SLUG in type.attributes ? [uid] : [],
    ),
  );
}

const slugList = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item !== '') : [];

/**
 * The history after publishing `nextSlug` over `liveSlug`: the live slug joins it, and the slug
 * going live leaves it (a page taking an old address back serves it again, no redirect).
 */
export function nextHistory(history: readonly string[], liveSlug: string, nextSlug: string): string[] {
  return [...new Set([...history, liveSlug])].filter((slug) => slug !== nextSlug);
}

/**
 * When a published document goes live under a new slug, its live slug is added to the draft's
 * `previousSlugs` just before Strapi copies the draft into the published version; the site turns
 * each into a 301 to the current page (site/src/lib/slug-redirects.ts). Recorded at the data, in
 * the document service, so every way of publishing (the content manager, "Publier la soirée", a
 * script) keeps old links working, and kept on the document itself: its history goes with it when
 * it is deleted, and a rename chain a→b→c leaves [a, b], both pointing at c.
 */
export function recordPreviousSlugs(strapi: Core.Strapi): void {
  let types: Set<string> | undefined;
  strapi.documents.use(async (context, next) => {
    if (context.action !== 'publish') return next();
    types ??= typesWithHistory(strapi);
    const documentId = (context.params as { documentId?: string }).documentId;
    if (!types.has(context.uid) || !documentId) return next();
    const query = strapi.db.query(context.uid);
    const [live, draft] = (await Promise.all([
      query.findOne({ where: { documentId, publishedAt: { $notNull: true } }, select: ['id', SLUG] }),
      query.findOne({ where: { documentId, publishedAt: null }, select: ['id', SLUG, PREVIOUS_SLUGS] }),
    ])) as [Row | null, Row | null];
    if (live?.slug && draft?.slug && live.slug !== draft.slug) {
      await query.update({
        where: { id: draft.id },
        data: { [PREVIOUS_SLUGS]: nextHistory(slugList(draft.previousSlugs), live.slug, draft.slug) },
      });
    }
    return next();
  });
}
