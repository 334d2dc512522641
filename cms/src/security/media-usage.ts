import type { Core } from '@strapi/strapi';

/**
 * A media file's `related` field lists every entry that uses it, drafts included and whatever their
 * type: `populate[cover][populate][related]=true` on any public list would hand them out (a morph
 * relation ignores the published-only status of the query that reaches it). Marked private, it is
 * dropped from content-API queries and answers; the admin, which doesn't read it, keeps it.
 */
export function hideWhereMediaIsUsed(strapi: Core.Strapi): void {
  const related = strapi.contentType('plugin::upload.file').attributes.related as { private?: boolean } | undefined;
  if (!related)
    throw new Error('plugin::upload.file has no `related` attribute any more: check what hides where media is used');
  related.private = true;
}
