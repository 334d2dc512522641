import ical, { ICalCalendarMethod } from 'ical-generator';

/** What an invitation needs to know about the evening. */
export interface CalendarEvent {
  documentId: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  location?: string;
  url: string;
}

/**
 * The evening as a one-event calendar, the attachment of "Inscription confirmée". Its UID is the
 * event's, as in the site's /events.ics, so a calendar that holds both shows it once. Times are
 * UTC: a single invitation needs no VTIMEZONE, and every calendar shows it in its reader's zone.
 */
export function eventCalendar(event: CalendarEvent, now: Date): string {
  const calendar = ical({ prodId: "//Clermont'ech//Inscriptions//FR", method: ICalCalendarMethod.PUBLISH });
  calendar.createEvent({
    id: `${event.documentId}@clermontech.org`,
    stamp: now,
    start: event.startsAt,
    end: event.endsAt,
    summary: event.title,
    location: event.location ?? null,
    url: event.url,
  });
  return `${calendar.toString()}\r\n`;
}
