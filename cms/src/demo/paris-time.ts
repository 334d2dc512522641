import { parisToUtc, parisWallClock } from '@clermontech/config';

const DAY_MS = 86_400_000;

export function shiftDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** The instant when it is `hour:minute` in Paris on the Paris calendar day of `day`. */
export function parisDateTime(day: Date, hour: number, minute: number): Date {
  return parisToUtc(parisWallClock(day), { hour, minute });
}
