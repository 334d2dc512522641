/** Site-wide constants. Values that vary per deployment come from the environment (see env.ts). */

export const SITE_NAME = "Clermont'ech";
export const SITE_DESCRIPTION =
  'Association clermontoise qui réunit les passionnés de technologie depuis 2013 : API Hours, groupes, workshops et devcamps, gratuits et ouverts à tous.';
export const SITE_LANG = 'fr';
export const TIME_ZONE = 'Europe/Paris';
/** Domain of the stable iCalendar UIDs (`<documentId>@…`); must never change once published. */
export const UID_DOMAIN = 'clermontech.org';

/** An event without an end time is assumed to last this long (an API Hour evening). */
export const DEFAULT_EVENT_DURATION_MINUTES = 180;

export const PAGE_SIZE = {
  apiHours: 12,
  blog: 10,
} as const;
export const HOME_LATEST_POSTS = 3;
/** Talks already given, newest first, under the next evening on the home page. */
export const HOME_LATEST_TALKS = 4;

/** Page slugs that have their own section and are not rendered at /<slug>/. */
export const SECTION_PAGE_SLUGS = ['association', 'tech-time'] as const;
/** First path segments owned by the site's own routes; a CMS Page may not take them. */
export const RESERVED_PATHS = [
  'api-hours',
  'talks',
  'speakers',
  'groups',
  'workshops',
  'devcamp',
  'tech-time',
  'evenements',
  'blog',
  'sponsors',
  'association',
  'recherche',
  'proposer-un-talk',
  'pagefind',
  '_astro',
  '404',
] as const;

/** Listing pages of the site's own; a legacy redirect may never replace one. */
export const SECTION_URLS = [
  '/',
  '/api-hours/',
  '/talks/',
  '/speakers/',
  '/groups/',
  '/workshops/',
  '/devcamp/',
  '/tech-time/',
  '/evenements/',
  '/blog/',
  '/sponsors/',
  '/association/',
  '/recherche/',
  '/404/',
] as const;

/** The CMS Page slugs the site shows in specific places. */
export const PAGE_SLUGS = {
  manifesto: 'manifeste',
  association: 'association',
  techTime: 'tech-time',
  codeOfConduct: 'code-de-conduite',
} as const;

/** How the site reads the CMS: pages of 100 (the CMS's maxLimit), retries with backoff, a per-request timeout. */
export const CMS_FETCH = {
  pageSize: 100,
  // Per collection; the collections load at the same time. The CMS answers on one thread, so more
  // only queues there.
  pageConcurrency: 4,
  timeoutMs: 15_000,
  attempts: 4,
  backoffMs: 500,
} as const;
