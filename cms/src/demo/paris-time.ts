const DAY_MS = 86_400_000;

export function shiftDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** Minutes Paris is ahead of UTC at a given instant (60 in winter, 120 in summer). */
function parisOffsetMinutes(instant: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Paris',
    hourCycle: 'h23',
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((asUtc - instant.getTime()) / 60_000);
}

/** The instant when it is `hour:minute` in Paris on the Paris calendar day of `day`. */
export function parisDateTime(day: Date, hour: number, minute: number): Date {
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(day).split('-').map(Number);
  const guess = new Date(Date.UTC(y!, m! - 1, d!, hour, minute));
  return new Date(guess.getTime() - parisOffsetMinutes(guess) * 60_000);
}
