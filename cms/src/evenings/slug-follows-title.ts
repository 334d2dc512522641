import type { Core, UID } from '@strapi/strapi';
import slugify from '@sindresorhus/slugify';

/** A content type whose URL identifier (a `uid` attribute) is generated from another field. */
interface SluggedType {
  uid: UID.ContentType;
  /** The uid attribute, `slug`. */
  field: string;
  /** What it is generated from: `title`, or `name` for speakers. */
  source: string;
  /** Strapi's UID input fills a new entry's identifier with this (the type's name), maybe with `-1`, `-2`…. */
  placeholder: RegExp;
}

type Data = Record<string, unknown>;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function sluggedTypes(strapi: Core.Strapi): Map<string, SluggedType> {
  const types = new Map<string, SluggedType>();
  for (const [uid, contentType] of Object.entries(strapi.contentTypes)) {
    if (!uid.startsWith('api::')) continue;
    for (const [field, attribute] of Object.entries(contentType.attributes)) {
      const source =
        (attribute as { type: string; targetField?: string }).type === 'uid'
          ? (attribute as { targetField?: string }).targetField
          : undefined;
      if (source)
        types.set(uid, {
          uid: uid as UID.ContentType,
          field,
          source,
          placeholder: new RegExp(`^${escape(contentType.info.singularName)}(-\\d+)?$`),
        });
    }
  }
  return types;
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

/** Whether `slug` is what the title gave: its slug, or that slug numbered to be unique. */
function derivedFrom(slug: string, title: string | undefined): boolean {
  if (!title) return false;
  const base = slugify(title);
  return slug === base || new RegExp(`^${escape(base)}-\\d+$`).test(slug);
}

/** The title's slug, numbered (`-1`, `-2`…) when another document has it already. */
async function uniqueSlug(
  strapi: Core.Strapi,
  type: SluggedType,
  title: string,
  ownDocumentId: string | undefined,
): Promise<string> {
  const base = slugify(title);
  const others = (await strapi.db.query(type.uid).findMany({
    where: { [type.field]: { $startsWith: base }, ...(ownDocumentId ? { documentId: { $ne: ownDocumentId } } : {}) },
    select: [type.field],
  })) as Data[];
  const taken = new Set(others.map((other) => other[type.field]));
  if (!taken.has(base)) return base;
  let n = 1;
  while (taken.has(`${base}-${n}`)) n += 1;
  return `${base}-${n}`;
}

/** The documents this write connects through its relations, as the content manager sends them. */
function connectedIds(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  data: Data,
): { target: UID.ContentType; documentIds: string[]; ids: number[] }[] {
  const found = [];
  for (const [field, attribute] of Object.entries(strapi.contentType(uid).attributes)) {
    const target =
      (attribute as { type: string; target?: string }).type === 'relation'
        ? (attribute as { target?: string }).target
        : undefined;
    const value = data[field] as { connect?: unknown[]; set?: unknown[] } | undefined;
    if (!target || typeof value !== 'object' || value === null) continue;
    const items = [...(value.connect ?? []), ...(value.set ?? [])] as (
      { documentId?: string; id?: number } | string | number
    )[];
    const documentIds = items
      .map((item) => (typeof item === 'string' ? item : typeof item === 'object' ? item.documentId : undefined))
      .filter((id): id is string => Boolean(id));
    const ids = items
      .map((item) => (typeof item === 'number' ? item : typeof item === 'object' ? item.id : undefined))
      .filter((id): id is number => typeof id === 'number');
    if (documentIds.length + ids.length > 0) found.push({ target: target as UID.ContentType, documentIds, ids });
  }
  return found;
}

/**
 * Whether `slug` is the identifier of a document this write connects. Strapi's relation pop-up, when
 * a speaker is created from inside a talk's pop-up, saves the talk again with the speaker's
 * identifier in place of its own (the talk became /talks/<speaker>/); no person types another
 * entry's identifier while linking that very entry.
 */
async function isConnectedSlug(
  strapi: Core.Strapi,
  types: Map<string, SluggedType>,
  uid: UID.ContentType,
  data: Data,
  slug: string,
): Promise<boolean> {
  for (const { target, documentIds, ids } of connectedIds(strapi, uid, data)) {
    const targetType = types.get(target);
    if (!targetType) continue;
    const where = {
      $or: [
        ...(documentIds.length ? [{ documentId: { $in: documentIds } }] : []),
        ...(ids.length ? [{ id: { $in: ids } }] : []),
      ],
    };
    const linked = (await strapi.db.query(target).findMany({ where, select: [targetType.field] })) as Data[];
    if (linked.some((entry) => entry[targetType.field] === slug)) return true;
  }
  return false;
}

async function slugOnCreate(strapi: Core.Strapi, type: SluggedType, data: Data): Promise<string | undefined> {
  const title = text(data[type.source]);
  const slug = text(data[type.field]);
  if (!title || (slug && !type.placeholder.test(slug))) return undefined;
  return uniqueSlug(strapi, type, title, undefined);
}

async function slugOnUpdate(
  strapi: Core.Strapi,
  types: Map<string, SluggedType>,
  type: SluggedType,
  documentId: string,
  data: Data,
): Promise<string | undefined> {
  const stored = (await strapi.db
    .query(type.uid)
    .findOne({ where: { documentId, publishedAt: null }, select: [type.field, type.source] })) as Data | null;
  if (!stored) return undefined;
  const storedSlug = String(stored[type.field] ?? '');
  let slug = text(data[type.field]) ?? storedSlug;
  if (slug !== storedSlug && (await isConnectedSlug(strapi, types, type.uid, data, slug))) slug = storedSlug;
  const editedNow = slug !== storedSlug && !type.placeholder.test(slug);
  const title = text(data[type.source]) ?? text(stored[type.source]);
  const following = type.placeholder.test(storedSlug) || derivedFrom(storedSlug, text(stored[type.source]));
  // Once a page is public its address stays, unless a person changes the identifier.
  const published =
    (await strapi.db.query(type.uid).count({ where: { documentId, publishedAt: { $notNull: true } } })) > 0;
  if (editedNow || !following || published || !title) return slug;
  return derivedFrom(slug, title) && !type.placeholder.test(slug) ? slug : uniqueSlug(strapi, type, title, documentId);
}

/**
 * The "Identifiant d'URL" follows the title (a speaker's name) until a person edits it: set from the
 * title when an entry is created with Strapi's placeholder (`event`, `talk`…) or none, and again
 * when the title changes while the identifier is still the one the previous title gave. Once the
 * entry is published its address no longer moves by itself.
 */
export function makeSlugsFollowTitles(strapi: Core.Strapi): void {
  let types: Map<string, SluggedType> | undefined;
  strapi.documents.use(async (context, next) => {
    if (context.action !== 'create' && context.action !== 'update') return next();
    types ??= sluggedTypes(strapi);
    const type = types.get(context.uid);
    const params = context.params as { data?: Data; documentId?: string };
    if (!type || !params.data) return next();
    const slug =
      context.action === 'create'
        ? await slugOnCreate(strapi, type, params.data)
        : params.documentId
          ? await slugOnUpdate(strapi, types, type, params.documentId, params.data)
          : undefined;
    if (slug !== undefined && slug !== params.data[type.field])
      context.params = { ...params, data: { ...params.data, [type.field]: slug } };
    return next();
  });
}
