import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import {
  CONTENT_TYPES,
  contentTypeOfUid,
  isPublicContentType,
  PUBLISHER_PATHS,
  type Env,
  type PublisherStatus,
  type PublicStatus,
} from '@clermontech/config';
import { sendError } from '../http/error-body';

/** What an entry's edit view shows of its life on the public site (cms/src/admin/live-state/). */
export interface EntryLiveState {
  /** The live page's address (the published version's slug), when the type has pages and the entry is published. */
  url?: string;
  /** When the published version was published (a type without drafts, like the site's settings: its last save); absent for a draft never published. */
  publishedAt?: string;
  /** The draft was saved after the published version: the site shows the older text. */
  modified: boolean;
  site: {
    reachable: boolean;
    liveSince?: string;
    building: boolean;
    /** The last build's duration, rounded up to seconds, for "Publication en cours… ~5 s". */
    estimateSeconds: number;
  };
}

type Row = {
  slug?: string;
  kind?: string;
  publishedAt?: string | Date | null;
  updatedAt?: string | Date;
  group?: { slug?: string } | null;
};

const iso = (value: string | Date | null | undefined) => (value ? new Date(value).toISOString() : undefined);
const DEFAULT_ESTIMATE_SECONDS = 5;

/** The publisher's view of the site: with the token, the last build's duration too. */
async function siteState(env: Env): Promise<EntryLiveState['site']> {
  try {
    const headers = env.PUBLISHER_TOKEN ? { authorization: `Bearer ${env.PUBLISHER_TOKEN}` } : undefined;
    const response = await fetch(new URL(PUBLISHER_PATHS.status, env.PUBLISHER_URL), {
      headers,
      signal: AbortSignal.timeout(3_000),
    });
    if (!response.ok) return { reachable: false, building: false, estimateSeconds: DEFAULT_ESTIMATE_SECONDS };
    const status = (await response.json()) as Partial<PublisherStatus> & Partial<PublicStatus>;
    const liveSince = status.release?.liveSince ?? status.liveSince ?? undefined;
    // With the token, `building` is the running build (or null) and `queued` the next; without, one boolean.
    const building =
      typeof status.building === 'boolean'
        ? status.building
        : (status.building !== null && status.building !== undefined) || status.queued === true;
    const lastMs = status.lastSuccess?.durationMs;
    return {
      reachable: true,
      liveSince,
      building,
      estimateSeconds: lastMs ? Math.max(1, Math.ceil(lastMs / 1000)) : DEFAULT_ESTIMATE_SECONDS,
    };
  } catch {
    return { reachable: false, building: false, estimateSeconds: DEFAULT_ESTIMATE_SECONDS };
  }
}

/**
 * GET /site-public/entries/:uid/:documentId, for any signed-in admin (Authors too): the published
 * version's public address and the publisher's state, so the edit view can say "En ligne",
 * "Publication en cours…", "Brouillon" or "Modifié depuis la publication". Only what the public
 * site already shows is returned (a published page's address), never draft content.
 */
export function entryLiveStateHandler(strapi: Core.Strapi, env: Env) {
  return async (ctx: Context) => {
    const { uid, documentId } = ctx.params as { uid: string; documentId: string };
    const type = contentTypeOfUid(uid);
    // Private types (proposals, registrations) have no public life to show.
    if (!type || !isPublicContentType(type)) {
      sendError(ctx, 404, 'Pas un type de contenu public.');
      return;
    }
    const row = CONTENT_TYPES[type];
    const schema = strapi.contentType(row.uid);
    const query = strapi.db.query(row.uid);
    const select = ['slug', 'kind', 'publishedAt', 'updatedAt'].filter((field) => field in schema.attributes);
    const populate = 'group' in schema.attributes ? { group: { select: ['slug'] } } : undefined;
    const draftAndPublish = Boolean(schema.options?.draftAndPublish);
    const [published, draft] = (await Promise.all([
      query.findOne({
        where: { documentId, ...(draftAndPublish ? { publishedAt: { $notNull: true } } : {}) },
        select,
        populate,
      }),
      draftAndPublish
        ? query.findOne({ where: { documentId, publishedAt: null }, select: ['updatedAt'] })
        : Promise.resolve(null),
    ])) as [Row | null, Row | null];
    const pagePath = 'pagePath' in row ? (row.pagePath as (entry: Row) => string) : undefined;
    const path =
      published?.slug && pagePath ? pagePath({ ...published, group: published.group ?? undefined }) : undefined;
    ctx.body = {
      url: path ? new URL(path, env.SITE_URL).href : undefined,
      publishedAt: iso(published?.publishedAt ?? (draftAndPublish ? undefined : published?.updatedAt)),
      modified: Boolean(
        published?.updatedAt && draft?.updatedAt && new Date(draft.updatedAt) > new Date(published.updatedAt),
      ),
      site: await siteState(env),
    } satisfies EntryLiveState;
  };
}
