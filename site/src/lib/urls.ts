import type { EventKind } from './strapi/schemas.ts';

/** Where each kind of page lives. Every link to an entry goes through these helpers. */

/** The URL of an event's page: API Hours, group evenings under their group, the rest under /evenements/. */
export function eventUrl(event: { kind: EventKind; slug: string }, group?: { slug: string }): string {
  if (event.kind === 'api-hour') return `/api-hours/${event.slug}/`;
  if (event.kind === 'group' && group) return `/groups/${group.slug}/${event.slug}/`;
  return `/evenements/${event.slug}/`;
}

export const talkUrl = (talk: { slug: string }) => `/talks/${talk.slug}/`;
export const speakerUrl = (speaker: { slug: string }) => `/speakers/${speaker.slug}/`;
export const groupUrl = (group: { slug: string }) => `/groups/${group.slug}/`;
export const postUrl = (post: { slug: string }) => `/blog/${post.slug}/`;

/** Pages with a section of their own are shown there; the others at /<slug>/. */
export function pageUrl(page: { slug: string }): string {
  if (page.slug === 'association') return '/association/';
  if (page.slug === 'tech-time') return '/tech-time/';
  return `/${page.slug}/`;
}

/** The listing an event belongs to, for breadcrumbs and "back" links. */
export function eventSection(kind: EventKind): { url: string; label: string } {
  switch (kind) {
    case 'api-hour':
      return { url: '/api-hours/', label: 'API Hours' };
    case 'group':
      return { url: '/groups/', label: 'Groupes' };
    case 'workshop':
      return { url: '/workshops/', label: 'Workshops' };
    case 'devcamp':
      return { url: '/devcamp/', label: 'Devcamp' };
    case 'tech-time':
      return { url: '/tech-time/', label: 'Tech time' };
    case 'conference':
    case 'other':
      return { url: '/evenements/', label: 'Agenda' };
  }
}

/** An absolute URL on the public site. */
export function absoluteUrl(path: string, siteUrl: string): string {
  return new URL(path, siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`).href;
}
