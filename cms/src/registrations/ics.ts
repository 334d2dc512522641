/** What an invitation needs to know about the evening. */
export interface CalendarEvent {
  documentId: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  location?: string;
  url: string;
}

// RFC 5545 §3.3.11: backslash, semicolon, comma and newlines are escaped in TEXT values.
const escapeText = (value: string) => value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

const utc = (date: Date) => date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** RFC 5545 §3.1: lines of at most 75 octets, continued with a space, never splitting a UTF-8 character. */
function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  for (const char of line) {
    if (Buffer.byteLength(current + char) > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
    }
    current += char;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/**
 * The evening as a one-event calendar, the attachment of "Inscription confirmée". Its UID is the
 * event's, as in the site's /events.ics, so a calendar that holds both shows it once.
 */
export function eventCalendar(event: CalendarEvent, now: Date): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    "PRODID:-//Clermont'ech//Inscriptions//FR",
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${event.documentId}@clermontech.org`,
    `DTSTAMP:${utc(now)}`,
    `DTSTART:${utc(event.startsAt)}`,
    `DTEND:${utc(event.endsAt)}`,
    `SUMMARY:${escapeText(event.title)}`,
    ...(event.location ? [`LOCATION:${escapeText(event.location)}`] : []),
    `URL:${event.url}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
