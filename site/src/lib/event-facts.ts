import { parisDay } from './dates.ts';
import type { Event, EventStatus } from './strapi/schemas.ts';

/**
 * What an event page, the calendar and the structured data say about an event's status,
 * attendance and price: one place, so the three never disagree.
 */

/** The banner of an event that does not happen as first announced; none for a scheduled one. */
export const STATUS_BANNERS: Record<EventStatus, { label: string; detail: string } | undefined> = {
  prevu: undefined,
  annule: { label: 'Annulé', detail: 'Cet événement n’aura pas lieu.' },
  reporte: { label: 'Reporté', detail: 'Cet événement est reporté ; la nouvelle date sera annoncée ici.' },
  en_ligne: { label: 'En ligne', detail: 'Cet événement a lieu en ligne uniquement.' },
};

/** schema.org EventStatusType. */
export const SCHEMA_ORG_STATUS: Record<EventStatus, string> = {
  prevu: 'https://schema.org/EventScheduled',
  annule: 'https://schema.org/EventCancelled',
  reporte: 'https://schema.org/EventPostponed',
  en_ligne: 'https://schema.org/EventMovedOnline',
};

/** RFC 5545 §3.8.1.11: a postponed event keeps its old date until a new one is set, so it is tentative. */
export const ICAL_STATUS: Record<EventStatus, 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED'> = {
  prevu: 'CONFIRMED',
  annule: 'CANCELLED',
  reporte: 'TENTATIVE',
  en_ligne: 'CONFIRMED',
};

/** Online only: moved online, or streamed with no venue to go to. */
export function isOnlineOnly(event: Pick<Event, 'eventStatus' | 'onlineUrl'>, hasVenue: boolean): boolean {
  return event.eventStatus === 'en_ligne' || (!hasVenue && event.onlineUrl !== undefined);
}

/** Nothing to register for or join: it is over, cancelled or waiting for a new date. */
export function isOpen(event: Pick<Event, 'eventStatus'>, past: boolean): boolean {
  return !past && event.eventStatus !== 'annule' && event.eventStatus !== 'reporte';
}

/** The "Entrée" line: "Gratuite", the price as written, "Payante" without one; undefined when unknown. */
export function admissionText(event: Pick<Event, 'admission' | 'price'>): string | undefined {
  switch (event.admission) {
    case 'gratuite':
      return 'Gratuite';
    case 'payante':
      return event.price ?? 'Payante';
    case undefined:
      return undefined;
  }
}

/**
 * The amount in euros a price text starts with ("150 € les trois jours" → 150, "12,50 €" → 12.5),
 * for structured data, which wants a number; undefined when the text names none.
 */
export function priceAmount(price: string | undefined): number | undefined {
  const match = price?.match(/(\d+(?:[.,]\d{1,2})?)\s*(?:€|euros?\b|EUR\b)/i);
  return match?.[1] === undefined ? undefined : Number(match[1].replace(',', '.'));
}

/** True when the editor set an end on a later day (in Paris) than the start. */
export function spansSeveralDays(event: Pick<Event, 'startsAt' | 'endsAt'>): boolean {
  return event.endsAt !== undefined && parisDay(event.endsAt) !== parisDay(event.startsAt);
}
