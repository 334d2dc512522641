import { z } from 'astro/zod';
import { EVENT_KINDS, type PublicContentType } from '@clermontech/config/contract';
import type { RegistrationMode } from '@clermontech/config';

/**
 * The CMS content types as the site reads them (cms/src/api/<type>/content-types/<type>/schema.json).
 * Empty optional fields become `undefined`; relations become the related entry's documentId,
 * joined with its own collection in pages.
 */

/** An optional CMS field: null (never set) and absent both read as undefined. */
const optional = <T extends z.ZodType>(schema: T) =>
  schema
    .nullish()
    .transform((value) => value ?? undefined)
    .optional();
/** Optional text: an emptied field is the same as an unset one. */
const optionalText = z
  .string()
  .nullish()
  .transform((value) => (value?.trim() ? value : undefined))
  .optional();
/** Strapi uid: URL-safe by construction; checked because slugs become file paths. */
const slug = z.string().regex(/^[A-Za-z0-9._~-]+$/, 'must be a URL-safe slug');
const datetime = z.iso.datetime({ offset: true }).transform((value) => new Date(value));
/** A calendar date, kept as YYYY-MM-DD (no time zone to get wrong). */
const date = z.iso.date();
/** Decimal columns come back as numbers (SQLite) or strings (PostgreSQL). */
const decimal = z.union([
  z.number(),
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number),
]);
/** A path on the old static site; it becomes a redirect file, so no `..`, query or fragment. */
const legacyPath = optional(
  z.string().regex(/^\/(?!.*(?:^|\/)\.\.?(?:\/|$))[^\s?#\\]*$/, 'must be an absolute path without .. , ? or #'),
);
const withDefault = <T extends z.ZodType>(schema: T, fallback: z.output<T>) =>
  schema.nullish().transform((value) => value ?? fallback);

const RelationSchema = z.object({ documentId: z.string().min(1) });
/** A to-one relation, as the related documentId. */
const toOne = RelationSchema.nullish().transform((related) => related?.documentId);
/** A to-many relation, as the related documentIds. */
const toMany = z.array(RelationSchema).transform((related) => related.map((entry) => entry.documentId));

/** An uploaded file (Strapi media library). */
export const MediaSchema = z.object({
  /** Absolute URL of the original file. */
  url: z.url(),
  /** Intrinsic width in pixels (images only). */
  width: optional(z.number().int().positive()),
  /** Intrinsic height in pixels (images only). */
  height: optional(z.number().int().positive()),
  /** Text alternative written by the editor. */
  alternativeText: optionalText,
  /** MIME type, e.g. image/png. */
  mime: z.string(),
  /** Original file name. */
  name: z.string(),
});

/** shared.link: a labelled URL. */
export const LinkSchema = z.object({
  /** Text of the link. */
  label: z.string().min(1),
  /** Target; rendered through safeUrl(). */
  url: z.string().min(1),
});

/** shared.announcement: the banner on the home page. */
export const AnnouncementSchema = z.object({
  /** Banner text; no banner when empty. */
  text: optionalText,
  /** Where the banner leads. */
  url: optionalText,
  /** Banner hidden after this moment; shown indefinitely when unset. */
  showUntil: optional(datetime),
});

/** shared.seo: defaults for titles, descriptions and share images. */
export const SeoSchema = z.object({
  /** Default title for search engines. */
  metaTitle: optionalText,
  /** Default description for search engines and social networks. */
  metaDescription: optionalText,
  /** Default Open Graph image. */
  shareImage: optional(MediaSchema),
});

/** Fields every document has. */
const DocumentSchema = z.object({
  /** Stable id of the document across drafts, locales and versions. */
  documentId: z.string().min(1),
  /** First saved in the CMS (an imported entry: the day of the import). */
  createdAt: optional(datetime),
  /** Last edit. */
  updatedAt: optional(datetime),
  /** Slugs the page was published under before, oldest first: each becomes a 301 to its page (pages, talks, speakers…). */
  previousSlugs: optional(z.array(slug)),
});

export const EventKinds = EVENT_KINDS;
/** Held as planned, cancelled, postponed (new date to come), moved online. */
export const EventStatuses = ['prevu', 'annule', 'reporte', 'en_ligne'] as const;
/** Free or paid; an event without one says nothing about its price. */
export const Admissions = ['gratuite', 'payante'] as const;

/** An event: API Hour, group evening, workshop, devcamp… Its talks point to it (TalkSchema.event). */
export const EventSchema = DocumentSchema.extend({
  /** Title, e.g. "API Hour #72". */
  title: z.string().min(1),
  /** URL segment. */
  slug,
  /** What kind of event; decides its section and URL. */
  kind: withDefault(z.enum(EventKinds), 'api-hour'),
  /** Sequence number within its kind (API Hour #72). */
  number: optional(z.number().int().positive()),
  /** Start, as an instant. */
  startsAt: datetime,
  /** End, as an instant (on a later day for a multi-day event); DEFAULT_EVENT_DURATION_MINUTES after the start when unset. */
  endsAt: optional(datetime),
  /** Whether it takes place as announced; entries saved before the field existed are scheduled. */
  eventStatus: withDefault(z.enum(EventStatuses), 'prevu'),
  /** Venue, as its documentId. */
  venue: toOne,
  /** Live stream or video call, shown until the event is over. */
  onlineUrl: optionalText,
  /** Recording of the event, shown once it is over. */
  replayUrl: optionalText,
  /** Number of seats. */
  capacity: optional(z.number().int().nonnegative()),
  /** Free or paid; unset when unknown. */
  admission: optional(z.enum(Admissions)),
  /** Price and conditions as written by the editor, e.g. "150 € les trois jours". */
  price: optionalText,
  /** Registration page (shown until the event is over). */
  registrationUrl: optionalText,
  /** How people register: aucune, lien (registrationUrl), site (the form on the page); unset: the link if there is one. */
  registrationMode: optional(z.enum(['aucune', 'lien', 'site'] as const satisfies readonly RegistrationMode[])),
  /** When the site's form opens; unset: as soon as the event is published. */
  registrationOpensAt: optional(datetime),
  /** When the site's form closes; unset: when the event starts. */
  registrationClosesAt: optional(datetime),
  /** Once full, later registrations wait for a freed place (default) instead of being told "complet". */
  waitingList: withDefault(z.boolean(), true),
  /** One or two sentences for lists and previews. */
  summary: optionalText,
  /** Markdown description. */
  description: optionalText,
  /** Technology group organising it, as its documentId. */
  group: toOne,
  /** Photo album URL. */
  photosUrl: optionalText,
  /** Cover image. */
  cover: optional(MediaSchema),
  /** Sponsors of this event, as documentIds. */
  sponsors: toMany,
  /** Address on the old site, redirected to the new page. */
  legacyPath,
});

/** A talk given at an event. */
export const TalkSchema = DocumentSchema.extend({
  /** Title. */
  title: z.string().min(1),
  /** URL segment. */
  slug,
  /** Markdown abstract. */
  abstract: optionalText,
  /** Speakers, as documentIds, in the editor's order. */
  speakers: toMany,
  /** Event it was given at, as its documentId. */
  event: toOne,
  /** Order in the event's programme. */
  position: optional(z.number().int()),
  /** Length in minutes. */
  duration: optional(z.number().int().positive()),
  /** Slides on the web. */
  slidesUrl: optionalText,
  /** Slides uploaded to the CMS. */
  slidesFile: optional(MediaSchema),
  /** Recording (YouTube, Vimeo or elsewhere). */
  videoUrl: optionalText,
  /** Second of the recording where the talk starts. */
  videoStart: optional(z.number().int().nonnegative()),
  /** Language the talk was given in. */
  language: withDefault(z.enum(['fr', 'en']), 'fr'),
  /** Address on the old site. */
  legacyPath,
});

/** A person who gave a talk. Their talks point to them (TalkSchema.speakers). */
export const SpeakerSchema = DocumentSchema.extend({
  /** Full name. */
  name: z.string().min(1),
  /** URL segment. */
  slug,
  /** Markdown biography. */
  bio: optionalText,
  /** Portrait. */
  photo: optional(MediaSchema),
  /** Personal links (site, Mastodon, GitHub…). */
  links: z.array(LinkSchema),
});

/** A place that hosts events. */
export const VenueSchema = DocumentSchema.extend({
  /** Name of the place. */
  name: z.string().min(1),
  /** URL segment. */
  slug,
  /** Street address. */
  address: optionalText,
  /** Postal code. */
  postcode: optionalText,
  /** City. */
  city: optionalText,
  /** Latitude in degrees, for the map link. */
  latitude: optional(decimal.pipe(z.number().min(-90).max(90))),
  /** Longitude in degrees, for the map link. */
  longitude: optional(decimal.pipe(z.number().min(-180).max(180))),
  /** How to get in (floor, door code, accessibility). */
  accessNotes: optionalText,
});

/** A blog post. */
export const PostSchema = DocumentSchema.extend({
  /** Title. */
  title: z.string().min(1),
  /** URL segment. */
  slug,
  /** Short summary for lists and feeds. */
  excerpt: optionalText,
  /** Markdown body. */
  body: optionalText,
  /** Cover image. */
  cover: optional(MediaSchema),
  /** Author's name. */
  author: optionalText,
  /** Publication date (YYYY-MM-DD). */
  date,
  /** Language of the post. */
  language: withDefault(z.enum(['fr', 'en']), 'fr'),
  /** Address on the old site. */
  legacyPath,
});

/** A company or organisation that supports the association. */
export const SponsorSchema = DocumentSchema.extend({
  /** Name. */
  name: z.string().min(1),
  /** URL segment. */
  slug,
  /** Logo. */
  logo: optional(MediaSchema),
  /** Website. */
  url: optionalText,
  /** Level of support. */
  tier: withDefault(z.enum(['main', 'partner', 'supporter']), 'partner'),
  /** First day of support (YYYY-MM-DD). */
  since: optional(date),
  /** Last day of support (YYYY-MM-DD); current while unset or not yet past. */
  until: optional(date),
});

/** A technology group (clermontech.php…). Its events point to it (EventSchema.group). */
export const GroupSchema = DocumentSchema.extend({
  /** Name, e.g. clermontech.php. */
  name: z.string().min(1),
  /** URL segment. */
  slug,
  /** Technology it gathers people around. */
  technology: optionalText,
  /** Markdown description. */
  description: optionalText,
  /** Logo. */
  logo: optional(MediaSchema),
  /** Partner communities and links. */
  partners: z.array(LinkSchema),
});

export const MemberRoles = [
  'president',
  'vice-president',
  'treasurer',
  'secretary',
  'board-member',
  'supervisory-council',
] as const;

/** A member of the board or of the supervisory council. */
export const MemberSchema = DocumentSchema.extend({
  /** Full name. */
  name: z.string().min(1),
  /** Role in the association. */
  role: withDefault(z.enum(MemberRoles), 'board-member'),
  /** Portrait. */
  photo: optional(MediaSchema),
  /** Personal links. */
  links: z.array(LinkSchema),
  /** Order within the board or the council, smallest first. */
  position: withDefault(z.number().int(), 0),
});

/** A content page (manifesto, code of conduct…). */
export const PageSchema = DocumentSchema.extend({
  /** Title. */
  title: z.string().min(1),
  /** URL segment; some slugs have their own place (see PAGE_SLUGS). */
  slug,
  /** Short form (the manifesto's is on the home page). */
  summary: optionalText,
  /** Markdown body. */
  body: optionalText,
  /** Address on the old site. */
  legacyPath,
});

/** Site settings (single type). */
export const GlobalSchema = DocumentSchema.extend({
  /** Name of the site. */
  siteName: z.string().min(1),
  /** Line under the name. */
  tagline: optionalText,
  /** Public contact address. */
  contactEmail: optionalText,
  /** Where to propose a talk. */
  talkProposalEmail: optionalText,
  /** The association's logo (header, footer); the site's name is written instead when absent. */
  logo: optional(MediaSchema),
  /** The association's mascot, the platypus (footer, home page). */
  mascot: optional(MediaSchema),
  /** Social network links for the footer. */
  socialLinks: z.array(LinkSchema),
  /** Home page banner. */
  announcement: optional(AnnouncementSchema),
  /** Default SEO. */
  seo: optional(SeoSchema),
});

/** Each public content type's schema, by its REST name in the contract: a public type without one does not compile. */
export const SCHEMAS = {
  events: EventSchema,
  talks: TalkSchema,
  speakers: SpeakerSchema,
  venues: VenueSchema,
  posts: PostSchema,
  sponsors: SponsorSchema,
  groups: GroupSchema,
  members: MemberSchema,
  pages: PageSchema,
  global: GlobalSchema,
} as const satisfies Record<PublicContentType, z.ZodType>;

export type Media = z.output<typeof MediaSchema>;
export type Link = z.output<typeof LinkSchema>;
export type Event = z.output<typeof EventSchema>;
export type EventKind = Event['kind'];
export type EventStatus = Event['eventStatus'];
export type Talk = z.output<typeof TalkSchema>;
export type Speaker = z.output<typeof SpeakerSchema>;
export type Venue = z.output<typeof VenueSchema>;
export type Post = z.output<typeof PostSchema>;
export type Sponsor = z.output<typeof SponsorSchema>;
export type Group = z.output<typeof GroupSchema>;
export type Member = z.output<typeof MemberSchema>;
export type MemberRole = Member['role'];
export type Page = z.output<typeof PageSchema>;
export type Global = z.output<typeof GlobalSchema>;
