import { createHash } from 'node:crypto';
import type { Core, UID } from '@strapi/strapi';
import { CONTENT_TYPES, PUBLIC_CONTENT_TYPES } from '@clermontech/config';

/**
 * A fingerprint of everything the public site shows: per public content type (and the media library), the
 * number of published rows and the latest update. Any publish, unpublish, edit of published content,
 * deletion or media change moves it; editing a draft doesn't. Stateless, so it also sees writes made
 * by another process (the importer).
 */
export async function contentVersion(strapi: Core.Strapi): Promise<string> {
  const hash = createHash('sha256');
  const uids = [...PUBLIC_CONTENT_TYPES.map((name) => CONTENT_TYPES[name].uid), 'plugin::upload.file'];
  for (const uid of uids) {
    const schema = strapi.contentType(uid as UID.ContentType);
    const where = schema.options?.draftAndPublish ? { publishedAt: { $notNull: true } } : {};
    const query = strapi.db.query(uid as UID.Schema);
    const [count, latest] = await Promise.all([
      query.count({ where }),
      query.findOne({ where, select: ['updatedAt'], orderBy: { updatedAt: 'desc' } }) as Promise<{ updatedAt?: string | Date } | null>,
    ]);
    const updatedAt = latest?.updatedAt ? new Date(latest.updatedAt).toISOString() : '';
    hash.update(`${uid}:${count}:${updatedAt}\n`);
  }
  return hash.digest('hex').slice(0, 16);
}
