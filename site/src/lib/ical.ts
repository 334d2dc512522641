import { PARIS_TIME_ZONE, parisWallClock } from '@clermontech/config';
import ical, {
  escape,
  ICalCalendarMethod,
  ICalEventStatus,
  ICalEventTransparency,
  type ICalLocation,
} from 'ical-generator';

/** One VEVENT. Times are instants; they are written in Europe/Paris local time with a TZID. */
export interface CalendarEvent {
  /** Globally unique and stable across builds, e.g. `<documentId>@clermontech.org`. */
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  description?: string | undefined;
  location?: string | undefined;
  url?: string | undefined;
  geo?: { latitude: number; longitude: number } | undefined;
  lastModified?: Date | undefined;
  /** RFC 5545 §3.8.1.11; CONFIRMED when unset. */
  status?: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED' | undefined;
}

export interface Calendar {
  /** Product identifier, e.g. `-//Clermont'ech//Site//FR`. */
  productId: string;
  name: string;
  description?: string | undefined;
  /** Creation time of this calendar (DTSTAMP of every event). */
  now: Date;
  events: CalendarEvent[];
}

// The rules in force in Europe/Paris since 1996; enough for every event the association holds.
const PARIS_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${PARIS_TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

/**
 * ical-generator writes a zoned time from a Date's local fields ("it assumes that the given time
 * matches the time zone"), so the Date handed to it carries Paris's wall clock in those fields,
 * whatever the zone of the process building the site.
 */
function parisWallClockDate(instant: Date): Date {
  const clock = parisWallClock(instant);
  return new Date(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
}

function location({ location: title, geo }: CalendarEvent): ICalLocation | null {
  const point = geo ? { geo: { lat: geo.latitude, lon: geo.longitude } } : undefined;
  if (title) return { title, ...point };
  return point ?? null;
}

/**
 * The library's text, with every content line ended by CRLF (it leaves the last one bare) and
 * `URL:` as RFC 5545 §3.8.4.6 writes it (URI is its default value type): with the `;VALUE=URI` the
 * library adds, node-ical, a common reader of calendar feeds, hands out the address as an object
 * instead of a string. Continuation lines start with a space and texts escape their line breaks,
 * so a line that starts with `URL;` is always the property.
 */
function asPublished(ics: string): string {
  return `${ics.replaceAll('\r\nURL;VALUE=URI:', '\r\nURL:')}\r\n`;
}

/** An RFC 5545 calendar of the association's events, their times in Europe/Paris with its VTIMEZONE. */
export function buildICalendar(calendar: Calendar): string {
  const output = ical({
    // The library writes the leading "-" of the product identifier itself.
    prodId: calendar.productId.replace(/^-/, ''),
    // The library escapes event texts but writes the calendar's name and description as given.
    name: escape(calendar.name, false),
    description: calendar.description ? escape(calendar.description, false) : null,
    scale: 'GREGORIAN',
    method: ICalCalendarMethod.PUBLISH,
    // No calendar-wide zone name: it would turn DTSTAMP and LAST-MODIFIED into local times, which
    // RFC 5545 requires in UTC. The events carry the TZID; the generator writes the VTIMEZONE they use.
    timezone: { name: null, generator: (zone) => (zone === PARIS_TIME_ZONE ? PARIS_VTIMEZONE : null) },
    x: [['X-WR-TIMEZONE', PARIS_TIME_ZONE]],
  });
  for (const event of calendar.events) {
    output.createEvent({
      id: event.uid,
      stamp: calendar.now,
      start: parisWallClockDate(event.start),
      end: parisWallClockDate(event.end),
      timezone: PARIS_TIME_ZONE,
      summary: event.summary,
      description: event.description ?? null,
      location: location(event),
      url: event.url ?? null,
      lastModified: event.lastModified ?? null,
      status: ICalEventStatus[event.status ?? 'CONFIRMED'],
      // A cancelled event keeps its UID, so calendars that imported it strike it out instead of keeping it.
      transparency: event.status === 'CANCELLED' ? ICalEventTransparency.TRANSPARENT : ICalEventTransparency.OPAQUE,
    });
  }
  return asPublished(output.toString());
}
