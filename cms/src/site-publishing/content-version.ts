import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { CONTENT_TYPES, PUBLIC_CONTENT_TYPES } from '@clermontech/config';

const FILE_UID = 'plugin::upload.file';

/** The morph table linking files to the rows that use them (Strapi's `related` attribute of upload files). */
interface MorphJoinTable {
  name: string;
  joinColumn: { name: string };
  morphColumn: { typeColumn: { name: string }; idColumn: { name: string } };
}

/**
 * The files the public site can show: those linked to a published row of a public type, or to a
 * component (a component's row is only reachable through its entry; counting the few in drafts
 * too costs at most a needless build). A photo uploaded, or linked to a draft only, is not one:
 * uploading builds nothing until something using it is published.
 */
async function publishedMediaFingerprint(strapi: Core.Strapi): Promise<string> {
  const files = strapi.db.metadata.get(FILE_UID);
  const joinTable = (files.attributes.related as { joinTable?: MorphJoinTable } | undefined)?.joinTable;
  if (!joinTable) return '';
  const knex = strapi.db.connection;
  const { name: fileColumn } = joinTable.joinColumn;
  const { typeColumn, idColumn } = joinTable.morphColumn;
  const publishedRows = PUBLIC_CONTENT_TYPES.map((name) => CONTENT_TYPES[name].uid).map((uid) => {
    const schema = strapi.contentType(uid);
    const table = strapi.db.metadata.get(uid).tableName;
    const rows = knex(table).select('id');
    return { uid, rows: schema.options?.draftAndPublish ? rows.whereNotNull('published_at') : rows };
  });
  const used = knex(joinTable.name)
    .select(fileColumn)
    .where((where) => {
      for (const { uid, rows } of publishedRows) {
        where.orWhere((one) => {
          void one.where(typeColumn.name, uid).whereIn(idColumn.name, rows);
        });
      }
      where.orWhere(typeColumn.name, 'not like', '%::%');
    });
  const row = (await knex(files.tableName)
    .whereIn('id', used)
    .count({ count: '*' })
    .max({ latest: 'updated_at' })
    .first()) as { count: number | string; latest: string | number | Date | null } | undefined;
  const latest = row?.latest ? new Date(row.latest).toISOString() : '';
  return `${FILE_UID}:${Number(row?.count ?? 0)}:${latest}`;
}

/**
 * A fingerprint of everything the public site shows: per public content type, the number of
 * published rows and the latest update, and the same for the media they use. Any publish,
 * unpublish, edit of published content, deletion, or change to a file the site shows moves it;
 * editing a draft or uploading a photo doesn't. Stateless, so it also sees writes made by another
 * process (the importer).
 */
export async function contentVersion(strapi: Core.Strapi): Promise<string> {
  const hash = createHash('sha256');
  for (const uid of PUBLIC_CONTENT_TYPES.map((name) => CONTENT_TYPES[name].uid)) {
    const schema = strapi.contentType(uid);
    const where = schema.options?.draftAndPublish ? { publishedAt: { $notNull: true } } : {};
    const query = strapi.db.query(uid);
    const [count, latest] = await Promise.all([
      query.count({ where }),
      query.findOne({ where, select: ['updatedAt'], orderBy: { updatedAt: 'desc' } }) as Promise<{
        updatedAt?: string | Date;
      } | null>,
    ]);
    const updatedAt = latest?.updatedAt ? new Date(latest.updatedAt).toISOString() : '';
    hash.update(`${uid}:${count}:${updatedAt}\n`);
  }
  hash.update(`${await publishedMediaFingerprint(strapi)}\n`);
  return hash.digest('hex').slice(0, 16);
}
