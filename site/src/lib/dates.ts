import { parisOffsetMinutes, parisWallClock } from '@clermontech/config';
import { DEFAULT_EVENT_DURATION_MINUTES, TIME_ZONE } from '../consts.ts';

const dayFormat = new Intl.DateTimeFormat('fr-FR', {
  timeZone: TIME_ZONE,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const shortDayFormat = new Intl.DateTimeFormat('fr-FR', {
  timeZone: TIME_ZONE,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const monthFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: TIME_ZONE, month: 'short' });
const timeFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' });

/** "jeudi 16 mai 2024", in Paris. */
export function formatDay(date: Date): string {
  return dayFormat.format(date);
}

/** "16 mai 2024", in Paris. */
export function formatShortDay(date: Date): string {
  return shortDayFormat.format(date);
}

/** "19:00", in Paris. */
export function formatTime(date: Date): string {
  return timeFormat.format(date);
}

/** "déc.", in Paris. */
export function formatShortMonth(date: Date): string {
  return monthFormat.format(date);
}

/** A calendar date (YYYY-MM-DD) as "16 mai 2024". */
export function formatIsoDay(day: string): string {
  return shortDayFormat.format(new Date(`${day}T12:00:00Z`));
}

const pad = (value: number) => String(value).padStart(2, '0');

/** Wall-clock fields of an instant in Paris, zero-padded. */
export function parisParts(date: Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string> {
  const clock = parisWallClock(date);
  return {
    year: String(clock.year),
    month: pad(clock.month),
    day: pad(clock.day),
    hour: pad(clock.hour),
    minute: pad(clock.minute),
    second: pad(clock.second),
  };
}

/** ISO 8601 with Paris's offset, e.g. 2024-05-16T19:00:00+02:00 (for <time> and JSON-LD). */
export function toParisIso(date: Date): string {
  const p = parisParts(date);
  const offsetMinutes = parisOffsetMinutes(date);
  const sign = offsetMinutes < 0 ? '-' : '+';
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${sign}${pad(Math.floor(Math.abs(offsetMinutes) / 60))}:${pad(Math.abs(offsetMinutes) % 60)}`;
}

/** Today's date in Paris, as YYYY-MM-DD. */
export function parisDay(date: Date): string {
  const p = parisParts(date);
  return `${p.year}-${p.month}-${p.day}`;
}

/** When an event ends: its endsAt, or DEFAULT_EVENT_DURATION_MINUTES after it starts. */
export function eventEnd(event: { startsAt: Date; endsAt?: Date | undefined }): Date {
  return event.endsAt ?? new Date(event.startsAt.getTime() + DEFAULT_EVENT_DURATION_MINUTES * 60_000);
}

/** An event is past once it has ended. */
export function isPast(event: { startsAt: Date; endsAt?: Date | undefined }, now: Date): boolean {
  return eventEnd(event).getTime() < now.getTime();
}

/** "1 h 30" or "20 min". */
export function formatDuration(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const rest = minutes % 60;
  return rest === 0 ? `${minutes / 60} h` : `${Math.floor(minutes / 60)} h ${String(rest).padStart(2, '0')}`;
}
