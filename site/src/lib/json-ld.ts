import { eventEnd, toParisIso } from './dates.ts';
import { SCHEMA_ORG_STATUS, isOnlineOnly, isOpen, priceAmount } from './event-facts.ts';
import { safeUrl } from './safe-url.ts';
import type { Event, Post, Venue } from './strapi/schemas.ts';
import { absoluteUrl } from './urls.ts';

/**
 * JSON for a <script type="application/ld+json"> block: `<`, `>`, `&` and the JS line
 * separators are escaped so that no CMS text can close the element or start markup.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export interface Organizer {
  name: string;
  url: string;
}

function attendanceMode(inPerson: boolean, online: boolean): string {
  if (inPerson)
    return online ? 'https://schema.org/MixedEventAttendanceMode' : 'https://schema.org/OfflineEventAttendanceMode';
  return 'https://schema.org/OnlineEventAttendanceMode';
}

/** schema.org Event for an event page: its status, where (or online), and its price when known. */
export function eventJsonLd(input: {
  event: Event;
  venue?: Venue | undefined;
  url: string;
  siteUrl: string;
  organizer: Organizer;
  image?: string | undefined;
  /** A past event has nothing to register for: no offer is announced. */
  past?: boolean;
}): Record<string, unknown> {
  const { event, venue, siteUrl, organizer } = input;
  const url = absoluteUrl(input.url, siteUrl);
  const onlineUrl = safeUrl(event.onlineUrl);
  const online = isOnlineOnly(event, venue !== undefined);
  const place = !online &&
    venue && {
      '@type': 'Place',
      name: venue.name,
      address: {
        '@type': 'PostalAddress',
        streetAddress: venue.address,
        postalCode: venue.postcode,
        addressLocality: venue.city,
        addressCountry: 'FR',
      },
      ...(venue.latitude !== undefined && venue.longitude !== undefined
        ? { geo: { '@type': 'GeoCoordinates', latitude: venue.latitude, longitude: venue.longitude } }
        : {}),
    };
  const virtual = (onlineUrl || online) && { '@type': 'VirtualLocation', url: onlineUrl ?? url };
  const locations = [place, virtual].filter(Boolean);
  const amount = event.admission === 'payante' ? priceAmount(event.price) : 0;
  // Nothing to buy or register for once it is over, cancelled or postponed; an unknown price announces no offer.
  const offer = isOpen(event, input.past ?? false) && event.admission !== undefined;
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: event.title,
    url,
    startDate: toParisIso(event.startsAt),
    endDate: toParisIso(eventEnd(event)),
    eventStatus: SCHEMA_ORG_STATUS[event.eventStatus],
    ...(place || virtual ? { eventAttendanceMode: attendanceMode(Boolean(place), Boolean(virtual)) } : {}),
    ...(locations.length > 0 ? { location: locations.length === 1 ? locations[0] : locations } : {}),
    ...(event.summary ? { description: event.summary } : {}),
    ...(input.image ? { image: [input.image] } : {}),
    ...(event.capacity !== undefined ? { maximumAttendeeCapacity: event.capacity } : {}),
    ...(event.admission ? { isAccessibleForFree: event.admission === 'gratuite' } : {}),
    organizer: { '@type': 'Organization', name: organizer.name, url: organizer.url },
    ...(offer
      ? {
          offers: {
            '@type': 'Offer',
            ...(amount !== undefined ? { price: amount, priceCurrency: 'EUR' } : {}),
            ...(event.price ? { description: event.price } : {}),
            availability: 'https://schema.org/InStock',
            url: safeUrl(event.registrationUrl) ?? url,
          },
        }
      : {}),
  };
}

/** schema.org BlogPosting for a post page. */
export function postJsonLd(input: {
  post: Post;
  url: string;
  siteUrl: string;
  publisher: Organizer;
  image?: string | undefined;
}): Record<string, unknown> {
  const { post, siteUrl, publisher } = input;
  const url = absoluteUrl(input.url, siteUrl);
  return {
    '@context': 'https://schema.org',
    '@type': 'BlogPosting',
    headline: post.title,
    url,
    mainEntityOfPage: url,
    datePublished: post.date,
    ...(post.updatedAt ? { dateModified: post.updatedAt.toISOString() } : {}),
    inLanguage: post.language,
    ...(post.excerpt ? { description: post.excerpt } : {}),
    ...(input.image ? { image: [input.image] } : {}),
    author: post.author ? { '@type': 'Person', name: post.author } : { '@type': 'Organization', name: publisher.name },
    publisher: { '@type': 'Organization', name: publisher.name, url: publisher.url },
  };
}
