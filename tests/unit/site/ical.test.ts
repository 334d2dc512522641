import ical, { type VEvent } from 'node-ical';
import { describe, expect, it } from 'vitest';
import { escape, foldLines as foldLine } from 'ical-generator';
import { buildICalendar, type CalendarEvent } from '../../../site/src/lib/ical.ts';

const escapeText = (value: string) => escape(value, false);

const now = new Date('2024-03-01T08:00:00Z');
const events: CalendarEvent[] = [
  {
    uid: 'abc123@clermontech.org',
    // 19:00 in Paris, summer time (UTC+2).
    start: new Date('2024-05-16T17:00:00Z'),
    end: new Date('2024-05-16T19:30:00Z'),
    summary: 'API Hour #72 : fold, monades; et café',
    description:
      'Trois talks courts, un buffet, et des échanges jusqu’à tard. Inscription conseillée, la salle accueille cinquante personnes.\nhttps://clermontech.org/api-hours/api-hour-72/',
    location: 'La Fabrique, 12 rue des Volcans, 63000 Clermont-Ferrand',
    geo: { latitude: 45.7772, longitude: 3.087 },
    url: 'https://clermontech.org/api-hours/api-hour-72/',
    lastModified: new Date('2024-02-20T10:00:00Z'),
  },
  {
    uid: 'def456@clermontech.org',
    // 19:00 in Paris, winter time (UTC+1).
    start: new Date('2024-12-12T18:00:00Z'),
    end: new Date('2024-12-12T21:00:00Z'),
    summary: 'Soirée clermontech.php',
  },
];

const output = buildICalendar({ productId: "-//Clermont'ech//Site//FR", name: "Clermont'ech", now, events });

describe('buildICalendar', () => {
  it('uses CRLF line endings only', () => {
    expect(output.endsWith('\r\n')).toBe(true);
    expect(output.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('keeps every line within 75 octets', () => {
    const lines = output.split('\r\n');
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
  });

  it('declares Europe/Paris and writes local times with its TZID', () => {
    expect(output).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\n');
    expect(output).toContain('DTSTART;TZID=Europe/Paris:20240516T190000');
    expect(output).toContain('DTEND;TZID=Europe/Paris:20240516T213000');
    expect(output).toContain('DTSTART;TZID=Europe/Paris:20241212T190000');
    expect(output).toContain('DTSTAMP:20240301T080000Z');
  });

  it('parses back to the same instants, UIDs and texts', () => {
    const parsed = Object.values(ical.sync.parseICS(output)).filter(
      (component): component is VEvent => component?.type === 'VEVENT',
    );
    expect(parsed).toHaveLength(2);
    const [first, second] = parsed;
    expect(first?.uid).toBe('abc123@clermontech.org');
    expect(first?.start.toISOString()).toBe('2024-05-16T17:00:00.000Z');
    expect(first?.end?.toISOString()).toBe('2024-05-16T19:30:00.000Z');
    expect(first?.start.tz).toBe('Europe/Paris');
    expect(first?.summary).toBe('API Hour #72 : fold, monades; et café');
    expect(first?.description).toBe(events[0]?.description);
    expect(first?.location).toBe(events[0]?.location);
    expect(second?.uid).toBe('def456@clermontech.org');
    expect(second?.start.toISOString()).toBe('2024-12-12T18:00:00.000Z');
  });

  it('escapes TEXT values', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('folds without splitting multi-byte characters', () => {
    const folded = foldLine(`SUMMARY:${'é'.repeat(100)}`);
    for (const line of folded.split('\r\n')) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      expect(line).not.toContain('\uFFFD');
    }
    expect(folded.replace(/\r\n /g, '')).toBe(`SUMMARY:${'é'.repeat(100)}`);
  });

  it('produces the same calendar for the same input (stable UIDs)', () => {
    expect(buildICalendar({ productId: "-//Clermont'ech//Site//FR", name: "Clermont'ech", now, events })).toBe(output);
  });
});
