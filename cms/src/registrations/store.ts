import type { Core } from '@strapi/strapi';
import { CONTENT_TYPES, type EventKind, type RegistrationMode, type RegistrationStatus } from '@clermontech/config';
import type { MailKind } from './mails';

export const REGISTRATION_UID = CONTENT_TYPES.registrations.uid;
export const EVENT_UID = CONTENT_TYPES.events.uid;

/** A registration row as the code reads it (the database's own field names). */
export interface RegistrationRow {
  id: number;
  documentId: string;
  eventDocumentId: string;
  registrationStatus: RegistrationStatus;
  name: string | null;
  email: string | null;
  firstTime: boolean | null;
  accessibilityNeeds: string | null;
  waitingSince: string | Date | null;
  confirmedAt: string | Date | null;
  cancelledAt: string | Date | null;
  presentAt: string | Date | null;
  reminderSentAt: string | Date | null;
  anonymisedAt: string | Date | null;
  pendingMails: MailKind[] | null;
  mailPending: boolean | null;
  createdAt: string | Date;
}

/** The published version of an event, with what registrations need. */
export interface EventRow {
  id: number;
  documentId: string;
  title: string;
  slug: string;
  kind: EventKind;
  startsAt: string | Date;
  endsAt: string | Date | null;
  eventStatus: string | null;
  capacity: number | null;
  registrationMode: RegistrationMode | null;
  registrationOpensAt: string | Date | null;
  registrationClosesAt: string | Date | null;
  waitingList: boolean | null;
  venue?: { name?: string | null; address?: string | null; postcode?: string | null; city?: string | null } | null;
  group?: { slug?: string | null } | null;
}

/** States that hold a place. */
export const HOLDING: RegistrationStatus[] = ['confirmed', 'present'];

export const registrations = (strapi: Core.Strapi) => strapi.db.query(REGISTRATION_UID);

export async function publishedEvent(strapi: Core.Strapi, documentId: string): Promise<EventRow | undefined> {
  const event = (await strapi.db.query(EVENT_UID).findOne({
    where: { documentId, publishedAt: { $notNull: true } },
    populate: { venue: true, group: true },
  })) as EventRow | null;
  return event ?? undefined;
}

export async function countsOf(
  strapi: Core.Strapi,
  eventDocumentId: string,
): Promise<{ holding: number; waiting: number }> {
  const [holding, waiting] = await Promise.all([
    registrations(strapi).count({ where: { eventDocumentId, registrationStatus: { $in: HOLDING } } }),
    registrations(strapi).count({ where: { eventDocumentId, registrationStatus: 'waiting' } }),
  ]);
  return { holding, waiting };
}

/** 1 for the first person waiting. */
export async function waitingPosition(strapi: Core.Strapi, registration: RegistrationRow): Promise<number> {
  const since = registration.waitingSince ?? registration.createdAt;
  const ahead = await registrations(strapi).count({
    where: {
      eventDocumentId: registration.eventDocumentId,
      registrationStatus: 'waiting',
      $or: [{ waitingSince: { $lt: since } }, { waitingSince: since, id: { $lt: registration.id } }],
    },
  });
  return ahead + 1;
}

/**
 * Runs `work` in one database transaction holding the event's rows: on PostgreSQL a row lock
 * (`SELECT … FOR UPDATE` on both versions of the event), so two transactions deciding about the
 * same evening's places take turns; SQLite has one writer at a time (and the CMS one connection),
 * which serialises them already. Queries made through strapi.db inside `work` join the
 * transaction (Strapi keeps it in an AsyncLocalStorage).
 */
export async function withEventLocked<T>(
  strapi: Core.Strapi,
  eventDocumentId: string,
  work: () => Promise<T>,
): Promise<T> {
  // Typed as the callback's return type, a promise: awaiting it gives T.
  return await strapi.db.transaction(async ({ trx }) => {
    if (strapi.db.dialect.client === 'postgres') {
      const table = strapi.db.metadata.get(EVENT_UID).tableName;
      await strapi.db.connection(table).transacting(trx).select('id').where('document_id', eventDocumentId).forUpdate();
    }
    return work();
  });
}
