import type { Core } from '@strapi/strapi';
import type { RegistrationInput } from '@clermontech/config';
import type { MailKind } from './mails';
import { acceptsConfirmations, isOpen } from './rules';
import {
  countsOf,
  HOLDING,
  publishedEvent,
  registrations,
  waitingPosition,
  withEventLocked,
  type EventRow,
  type RegistrationRow,
} from './store';

/** What erasing a person leaves: the row (so counts stay right), none of what they typed. */
export const ERASED = {
  name: null,
  email: null,
  accessibilityNeeds: null,
  firstTime: false,
  pendingMails: [],
  mailPending: false,
} as const;

const owe = (row: RegistrationRow, kind: MailKind) => {
  const pendingMails = [...new Set([...(row.pendingMails ?? []), kind])];
  return { pendingMails, mailPending: true };
};

export type RegisterOutcome =
  { status: 'received'; registration?: string } | { status: 'closed' } | { status: 'unknown-event' };

/**
 * Stores a pending registration and owes it the e-mail asking to confirm. The same address already
 * registered for this evening gets no second row: a pending one is owed the e-mail again, any other
 * nothing; the answer is the same either way, so the form tells nobody who registered.
 */
export async function register(strapi: Core.Strapi, input: RegistrationInput, now: Date): Promise<RegisterOutcome> {
  const event = await publishedEvent(strapi, input.event);
  if (!event) return { status: 'unknown-event' };
  if (!isOpen(event, now)) return { status: 'closed' };
  const email = input.email.toLowerCase();
  const existing = (await registrations(strapi).findOne({
    where: { eventDocumentId: event.documentId, email, registrationStatus: { $ne: 'cancelled' } },
  })) as RegistrationRow | null;
  if (existing) {
    if (existing.registrationStatus !== 'pending') return { status: 'received' };
    await registrations(strapi).update({ where: { id: existing.id }, data: owe(existing, 'confirm-request') });
    return { status: 'received', registration: existing.documentId };
  }
  const created = (await registrations(strapi).create({
    data: {
      eventDocumentId: event.documentId,
      registrationStatus: 'pending',
      name: input.name,
      email,
      firstTime: input.firstTime,
      accessibilityNeeds: input.accessibilityNeeds ?? null,
      pendingMails: ['confirm-request'],
      mailPending: true,
    },
  })) as RegistrationRow;
  return { status: 'received', registration: created.documentId };
}

export type ConfirmOutcome =
  { status: 'confirmed' } | { status: 'waiting'; position: number } | { status: 'full' } | { status: 'invalid' };

/**
 * Follows a confirmation link, atomically: with the event's rows locked, a place is taken if one is
 * left and nobody waits before; otherwise the person joins the waiting list, or, without one, is
 * told "complet" and erased. Following the link again answers the same without changing anything.
 */
export async function confirm(strapi: Core.Strapi, documentId: string, now: Date): Promise<ConfirmOutcome> {
  const first = (await registrations(strapi).findOne({ where: { documentId } })) as RegistrationRow | null;
  if (!first) return { status: 'invalid' };
  const event = await publishedEvent(strapi, first.eventDocumentId);
  if (!event) return { status: 'invalid' };
  return withEventLocked(strapi, event.documentId, async () => {
    const row = (await registrations(strapi).findOne({ where: { documentId } })) as RegistrationRow | null;
    if (!row || row.anonymisedAt) return { status: 'invalid' };
    if (HOLDING.includes(row.registrationStatus)) return { status: 'confirmed' };
    if (row.registrationStatus === 'waiting')
      return { status: 'waiting', position: await waitingPosition(strapi, row) };
    if (row.registrationStatus !== 'pending' || !acceptsConfirmations(event, now)) return { status: 'invalid' };

    const { holding, waiting } = await countsOf(strapi, event.documentId);
    const placeLeft =
      event.capacity === null || event.capacity === undefined || (holding < event.capacity && waiting === 0);
    if (placeLeft) {
      await registrations(strapi).update({
        where: { id: row.id },
        data: { registrationStatus: 'confirmed', confirmedAt: now, ...owe(row, 'confirmed') },
      });
      return { status: 'confirmed' };
    }
    if (event.waitingList !== false) {
      await registrations(strapi).update({
        where: { id: row.id },
        data: { registrationStatus: 'waiting', waitingSince: now, ...owe(row, 'waiting') },
      });
      return { status: 'waiting', position: waiting + 1 };
    }
    await registrations(strapi).update({
      where: { id: row.id },
      data: { registrationStatus: 'cancelled', cancelledAt: now, ...ERASED },
    });
    return { status: 'full' };
  });
}

/**
 * Gives free places to the people waiting, first come first served, and owes each an e-mail.
 * Called with the event locked (withEventLocked); returns the promoted registrations' documentIds.
 */
export async function promoteWaiting(strapi: Core.Strapi, event: EventRow, now: Date): Promise<string[]> {
  const { holding } = await countsOf(strapi, event.documentId);
  const free =
    event.capacity === null || event.capacity === undefined ? Number.MAX_SAFE_INTEGER : event.capacity - holding;
  if (free <= 0) return [];
  const next = (await registrations(strapi).findMany({
    where: { eventDocumentId: event.documentId, registrationStatus: 'waiting' },
    orderBy: [{ waitingSince: 'asc' }, { id: 'asc' }],
    limit: Math.min(free, 1000),
  })) as RegistrationRow[];
  for (const row of next) {
    await registrations(strapi).update({
      where: { id: row.id },
      data: { registrationStatus: 'confirmed', confirmedAt: now, ...owe(row, 'promoted') },
    });
  }
  return next.map((row) => row.documentId);
}

export type CancelOutcome = { status: 'cancelled'; promoted: string[] } | { status: 'invalid' };

/**
 * Cancels from the e-mail's link: the person's data is erased at once (only the row stays, for the
 * counts), and a freed place goes to the first person waiting, in the same transaction.
 */
export async function cancel(strapi: Core.Strapi, documentId: string, now: Date): Promise<CancelOutcome> {
  const first = (await registrations(strapi).findOne({ where: { documentId } })) as RegistrationRow | null;
  if (!first) return { status: 'invalid' };
  if (first.registrationStatus === 'cancelled') return { status: 'cancelled', promoted: [] };
  const event = await publishedEvent(strapi, first.eventDocumentId);
  return withEventLocked(strapi, first.eventDocumentId, async () => {
    const row = (await registrations(strapi).findOne({ where: { documentId } })) as RegistrationRow | null;
    if (!row) return { status: 'invalid' };
    if (row.registrationStatus === 'cancelled') return { status: 'cancelled', promoted: [] };
    await registrations(strapi).update({
      where: { id: row.id },
      data: { registrationStatus: 'cancelled', cancelledAt: now, ...ERASED },
    });
    const promoted = event && acceptsConfirmations(event, now) ? await promoteWaiting(strapi, event, now) : [];
    return { status: 'cancelled', promoted };
  });
}
