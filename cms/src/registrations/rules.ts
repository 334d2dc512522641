import { describeAvailability, type Availability } from '@clermontech/config';
import type { EventRow } from './store';

const time = (value: string | Date | null | undefined) => (value ? new Date(value).getTime() : undefined);

/** Registrations taken on the site, not cancelled or postponed, between opening (default: now) and closing (default: the start). */
export function isOpen(event: EventRow, now: Date): boolean {
  if (event.registrationMode !== 'site') return false;
  if (event.eventStatus === 'annule' || event.eventStatus === 'reporte') return false;
  const at = now.getTime();
  const opens = time(event.registrationOpensAt);
  const closes = time(event.registrationClosesAt) ?? time(event.startsAt)!;
  return (opens === undefined || opens <= at) && at < closes;
}

/** A confirmation link followed late still counts until the evening starts. */
export function acceptsConfirmations(event: EventRow, now: Date): boolean {
  return event.registrationMode === 'site' && event.eventStatus !== 'annule' && now.getTime() < time(event.startsAt)!;
}

/** The end of the evening: its end, or two hours after its start. */
export function endOf(event: EventRow): Date {
  return new Date(time(event.endsAt) ?? time(event.startsAt)! + 2 * 3600_000);
}

export function availabilityOf(event: EventRow, counts: { holding: number; waiting: number }, now: Date): Availability {
  const capacity = event.capacity ?? null;
  const base = {
    capacity,
    confirmed: counts.holding,
    placesLeft: capacity === null ? null : Math.max(0, capacity - counts.holding),
    waiting: counts.waiting,
    open: isOpen(event, now),
    waitingList: event.waitingList !== false,
  };
  return { ...base, label: describeAvailability(base) };
}
