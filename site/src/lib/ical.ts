import { parisParts } from './dates.ts';

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

const CRLF = '\r\n';
const MAX_LINE_OCTETS = 75;
const TZID = 'Europe/Paris';

// The rules in force in Europe/Paris since 1996; enough for every event the association holds.
const PARIS_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${TZID}`,
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
];

/** Escapes a TEXT value (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line at 75 octets without splitting a UTF-8 sequence (RFC 5545 §3.1). */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const chunks: string[] = [];
  let current = '';
  let currentOctets = 0;
  for (const char of line) {
    const octets = encoder.encode(char).length;
    // Continuation lines start with a space, which counts towards their 75 octets.
    const limit = chunks.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (currentOctets + octets > limit) {
      chunks.push(current);
      current = '';
      currentOctets = 0;
    }
    current += char;
    currentOctets += octets;
  }
  chunks.push(current);
  return chunks.join(`${CRLF} `);
}

function utcStamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function parisStamp(date: Date): string {
  const p = parisParts(date);
  return `${p.year}${p.month}${p.day}T${p.hour}${p.minute}${p.second}`;
}

/** A URI value may not carry line breaks; anything else is kept as is. */
function uri(value: string): string {
  return value.replace(/[\r\n]/g, '');
}

function eventLines(event: CalendarEvent, now: Date): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${utcStamp(now)}`,
    `DTSTART;TZID=${TZID}:${parisStamp(event.start)}`,
    `DTEND;TZID=${TZID}:${parisStamp(event.end)}`,
    `SUMMARY:${escapeText(event.summary)}`,
  ];
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  if (event.geo) lines.push(`GEO:${event.geo.latitude};${event.geo.longitude}`);
  if (event.url) lines.push(`URL:${uri(event.url)}`);
  if (event.lastModified) lines.push(`LAST-MODIFIED:${utcStamp(event.lastModified)}`);
  // A cancelled event keeps its UID, so calendars that imported it strike it out instead of keeping it.
  lines.push(`STATUS:${event.status ?? 'CONFIRMED'}`, `TRANSP:${event.status === 'CANCELLED' ? 'TRANSPARENT' : 'OPAQUE'}`, 'END:VEVENT');
  return lines;
}

/** An RFC 5545 calendar: CRLF line ends, folded lines, escaped text, a VTIMEZONE and TZID times. */
export function buildICalendar(calendar: Calendar): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${calendar.productId}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    `X-WR-TIMEZONE:${TZID}`,
  ];
  if (calendar.description) lines.push(`X-WR-CALDESC:${escapeText(calendar.description)}`);
  lines.push(...PARIS_VTIMEZONE);
  for (const event of calendar.events) lines.push(...eventLines(event, calendar.now));
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
