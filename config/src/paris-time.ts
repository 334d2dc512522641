/**
 * Clermont-Ferrand's clock. Events happen at a Paris wall-clock time ("19 h"), stored as UTC
 * instants; the demo content, the importer and the site all convert, daylight saving time included.
 */
export const PARIS_TIME_ZONE = 'Europe/Paris';

const wallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: PARIS_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

export interface WallClock {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The date and time a clock in Paris shows at `instant`. */
export function parisWallClock(instant: Date): WallClock {
  const parts = wallClock.formatToParts(instant);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** Minutes Paris is ahead of UTC at `instant` (60 in winter, 120 in summer). */
export function parisOffsetMinutes(instant: Date): number {
  const clock = parisWallClock(instant);
  const asUtc = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The UTC instant when a clock in Paris shows this date and time. */
export function parisToUtc(
  date: { year: number; month: number; day: number },
  time: { hour: number; minute: number },
): Date {
  const wall = Date.UTC(date.year, date.month - 1, date.day, time.hour, time.minute);
  const guess = wall - parisOffsetMinutes(new Date(wall)) * 60_000;
  // The offset at the guess can differ from the offset at the answer around the switch.
  return new Date(wall - parisOffsetMinutes(new Date(guess)) * 60_000);
}
