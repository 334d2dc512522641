import type { APIRoute } from 'astro';
import { SITE_NAME, UID_DOMAIN } from '../consts.ts';
import { getCatalog } from '../lib/content.ts';
import { eventEnd } from '../lib/dates.ts';
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
      const place = venue ? [venue.name, postalAddress(venue)].filter(Boolean).join(', ') : undefined;
      return {
        uid: `${entry.documentId}@${UID_DOMAIN}`,
        start: entry.startsAt,
        end: eventEnd(entry),
        summary: entry.title,
        description: [entry.summary, pageUrl].filter(Boolean).join('\n\n'),
        location: place,
        geo:
          venue?.latitude !== undefined && venue.longitude !== undefined
            ? { latitude: venue.latitude, longitude: venue.longitude }
            : undefined,
        url: pageUrl,
        lastModified: entry.updatedAt,
      };
    }),
  });
  return new Response(ics, { headers: { 'content-type': 'text/calendar; charset=utf-8' } });
};
