import { CONTENT_TYPES } from '@clermontech/config/contract';
import type { EventKind } from './strapi/schemas.ts';

/** Where each kind of page lives (the contract's page paths). Every link to an entry goes through these helpers. */

/** The URL of an event's page: API Hours, group evenings under their group, the rest under /evenements/. */
export function eventUrl(event: { kind: EventKind; slug: string }, group?: { slug: string }): string {
  return CONTENT_TYPES.events.pagePath({ kind: event.kind, slug: event.slug, group });
}

export const talkUrl = CONTENT_TYPES.talks.pagePath;
export const speakerUrl = CONTENT_TYPES.speakers.pagePath;
export const groupUrl = CONTENT_TYPES.groups.pagePath;
export const postUrl = CONTENT_TYPES.posts.pagePath;

/** Pages with a section of their own (association, tech-time) are shown there, at /<slug>/ too. */
export const pageUrl = CONTENT_TYPES.pages.pagePath;

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
