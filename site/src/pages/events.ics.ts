import type { APIRoute } from 'astro';
import { SITE_NAME, UID_DOMAIN } from '../consts.ts';
import { getCatalog } from '../lib/content.ts';
import { eventEnd } from '../lib/dates.ts';
import { ICAL_STATUS, STATUS_BANNERS, isOnlineOnly } from '../lib/event-facts.ts';
import { buildICalendar } from '../lib/ical.ts';
import { postalAddress } from '../lib/osm.ts';
import { absoluteUrl } from '../lib/urls.ts';

export const GET: APIRoute = async ({ site }) => {
  const { events, global, now } = await getCatalog();
  const name = global?.siteName ?? SITE_NAME;
  const ics = buildICalendar({
    productId: `-//${name}//Site//FR`,
    name,
    description: `Les événements de ${name}`,
    now,
    events: events.map(({ entry, venue, url }) => {
      const pageUrl = absoluteUrl(url, site!.href);
      const online = isOnlineOnly(entry, venue !== undefined);
      const place = online
        ? 'En ligne'
        : venue
          ? [venue.name, postalAddress(venue)].filter(Boolean).join(', ')
          : undefined;
      const banner = STATUS_BANNERS[entry.eventStatus];
      return {
        uid: `${entry.documentId}@${UID_DOMAIN}`,
        start: entry.startsAt,
        end: eventEnd(entry),
        // Most calendar apps show STATUS nowhere: the title says it too.
        summary: banner && entry.eventStatus !== 'en_ligne' ? `${banner.label} : ${entry.title}` : entry.title,
        description: [banner?.detail, entry.summary, pageUrl].filter(Boolean).join('\n\n'),
        location: place,
        status: ICAL_STATUS[entry.eventStatus],
        geo:
          !online && venue?.latitude !== undefined && venue.longitude !== undefined
            ? { latitude: venue.latitude, longitude: venue.longitude }
            : undefined,
        url: pageUrl,
        lastModified: entry.updatedAt,
      };
    }),
  });
  return new Response(ics, { headers: { 'content-type': 'text/calendar; charset=utf-8' } });
};
