/**
 * Every content type of the CMS, once, with what the CMS, the site and the tests must agree on about
 * it. Adding a type is a row here, its Strapi schema (cms/src/api/<singular>/), its zod schema
 * (site/src/lib/strapi/schemas.ts) and its page: docs/adding-a-content-type.md.
 */

/** What to populate, in Strapi's syntax: `true` for media and components, `{ fields }` or a nested `{ populate }`. */
export type Populate = {
  readonly [field: string]: true | { readonly fields: readonly string[] } | { readonly populate: Populate };
};

/** A relation fetched as the related entry's documentId only: the site joins collections itself (site/src/lib/catalog.ts). */
const reference = { fields: ['documentId'] } as const;
const media = true;

/** The kinds of event, in the order the admin lists them (the `kind` enumeration of the event's Strapi schema). */
export const EVENT_KINDS = ['api-hour', 'group', 'workshop', 'devcamp', 'conference', 'tech-time', 'other'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** What volunteers read for each kind, in the admin's lists and forms. */
export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  'api-hour': 'API Hour',
  group: 'Soirée d’un groupe',
  workshop: 'Atelier (workshop)',
  devcamp: 'Devcamp',
  conference: 'Conférence',
  'tech-time': 'Tech time',
  other: 'Autre',
};

export interface ContentTypeRow {
  /** Strapi's uid. */
  readonly uid: `api::${string}.${string}`;
  /** A single type (one entry, read at `/api/<REST name>` without an id). */
  readonly single: boolean;
  /** Read by everyone: `find` and `findOne` on the public API, the site token, the site's collections. */
  readonly public: boolean;
  /** Its drafts can be seen on the site before publishing (the admin's « Ouvrir l’aperçu »). */
  readonly previewable: boolean;
  /** What the site reads besides the entry's own fields; the CMS's preview populates the same. */
  readonly populate: Populate;
  /** Where an entry's own page is on the site; absent for types shown only on other pages. */
  readonly pagePath?: (entry: never) => string;
}

/** The content types, by REST name: `/api/<REST name>` on the CMS, the collection of that name on the site. */
export const CONTENT_TYPES = {
  events: {
    uid: 'api::event.event',
    single: false,
    public: true,
    previewable: true,
    populate: { venue: reference, group: reference, sponsors: reference, cover: media },
    /** API Hours under /api-hours/, a group's evenings under their group, the rest in the agenda. */
    pagePath: (event: { kind: EventKind; slug: string; group?: { slug: string } | null | undefined }) => {
      if (event.kind === 'api-hour') return `/api-hours/${event.slug}/`;
      if (event.kind === 'group' && event.group) return `/groups/${event.group.slug}/${event.slug}/`;
      return `/evenements/${event.slug}/`;
    },
  },
  talks: {
    uid: 'api::talk.talk',
    single: false,
    public: true,
    previewable: true,
    populate: { speakers: reference, event: reference, slidesFile: media },
    pagePath: (talk: { slug: string }) => `/talks/${talk.slug}/`,
  },
  speakers: {
    uid: 'api::speaker.speaker',
    single: false,
    public: true,
    previewable: true,
    populate: { photo: media, links: true },
    pagePath: (speaker: { slug: string }) => `/speakers/${speaker.slug}/`,
  },
  venues: { uid: 'api::venue.venue', single: false, public: true, previewable: false, populate: {} },
  posts: {
    uid: 'api::post.post',
    single: false,
    public: true,
    previewable: true,
    populate: { cover: media },
    pagePath: (post: { slug: string }) => `/blog/${post.slug}/`,
  },
  sponsors: { uid: 'api::sponsor.sponsor', single: false, public: true, previewable: false, populate: { logo: media } },
  groups: {
    uid: 'api::group.group',
    single: false,
    public: true,
    previewable: true,
    populate: { logo: media, partners: true },
    pagePath: (group: { slug: string }) => `/groups/${group.slug}/`,
  },
  members: {
    uid: 'api::member.member',
    single: false,
    public: true,
    previewable: false,
    populate: { photo: media, links: true },
  },
  pages: {
    uid: 'api::page.page',
    single: false,
    public: true,
    previewable: true,
    populate: {},
    pagePath: (page: { slug: string }) => `/${page.slug}/`,
  },
  global: {
    uid: 'api::global.global',
    single: true,
    public: true,
    previewable: false,
    populate: {
      logo: media,
      mascot: media,
      socialLinks: true,
      announcement: true,
      seo: { populate: { shareImage: media } },
    },
  },
  /** Talk proposals: anyone may send one (config/src/contract/proposal.ts), nobody outside the admin reads them. */
  proposals: { uid: 'api::proposal.proposal', single: false, public: false, previewable: false, populate: {} },
  /** Registrations to an evening: personal data, read in the admin only. */
  registrations: {
    uid: 'api::registration.registration',
    single: false,
    public: false,
    previewable: false,
    populate: {},
  },
} as const satisfies Record<string, ContentTypeRow>;

export type ContentTypeName = keyof typeof CONTENT_TYPES;
type Row<K extends ContentTypeName> = (typeof CONTENT_TYPES)[K];

/** The types everyone reads: the site's collections. */
export type PublicContentType = { [K in ContentTypeName]: Row<K>['public'] extends true ? K : never }[ContentTypeName];
/** The types whose drafts can be previewed on the site. */
export type PreviewableContentType = {
  [K in ContentTypeName]: Row<K>['previewable'] extends true ? K : never;
}[ContentTypeName];

const names = Object.keys(CONTENT_TYPES) as ContentTypeName[];

export const PUBLIC_CONTENT_TYPES = names.filter((name) => CONTENT_TYPES[name].public) as PublicContentType[];
export const PREVIEWABLE_CONTENT_TYPES = names.filter(
  (name) => CONTENT_TYPES[name].previewable,
) as PreviewableContentType[];

export function isPublicContentType(name: string): name is PublicContentType {
  return (PUBLIC_CONTENT_TYPES as string[]).includes(name);
}

export function isPreviewableContentType(name: string): name is PreviewableContentType {
  return (PREVIEWABLE_CONTENT_TYPES as string[]).includes(name);
}

/** The REST name of a Strapi uid, or undefined for a type the contract doesn't know. */
export function contentTypeOfUid(uid: string): ContentTypeName | undefined {
  return names.find((name) => CONTENT_TYPES[name].uid === uid);
}
