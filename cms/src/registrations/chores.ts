import type { Core } from '@strapi/strapi';
import type { Env } from '@clermontech/config';
import { deliverOwedMails } from './deliver';
import { ERASED, promoteWaiting } from './lifecycle';
import { acceptsConfirmations, endOf } from './rules';
import {
  EVENT_UID,
  publishedEvent,
  registrations,
  withEventLocked,
  type EventRow,
  type RegistrationRow,
} from './store';

const DAY = 24 * 3600_000;

export interface ChoresReport {
  promoted: number;
  reminded: number;
  retried: number;
  anonymised: number;
}

/** Published events with registrations on the site, starting within [from, to). */
async function eventsStarting(strapi: Core.Strapi, from: Date, to: Date): Promise<EventRow[]> {
  return (await strapi.db.query(EVENT_UID).findMany({
    where: { publishedAt: { $notNull: true }, registrationMode: 'site', startsAt: { $gte: from, $lt: to } },
  })) as EventRow[];
}

/**
 * The scheduled work on registrations, at the instant `now` (passed in, so a test can move the
 * clock): places freed by a larger capacity go to the people waiting; confirmed people are
 * reminded once, in the 24 hours before their evening; e-mails that failed are sent again; and
 * every registration of an evening that ended more than `REGISTRATION_RETENTION_DAYS` ago (or of a
 * deleted evening, made that long ago) is anonymised (name, e-mail and needs erased; the row stays
 * for the counts).
 */
export async function runRegistrationChores(strapi: Core.Strapi, env: Env, now: Date): Promise<ChoresReport> {
  const report: ChoresReport = { promoted: 0, reminded: 0, retried: 0, anonymised: 0 };

  const upcoming = await eventsStarting(strapi, now, new Date(now.getTime() + 60 * DAY));
  for (const { documentId } of upcoming) {
    const promoted = await withEventLocked(strapi, documentId, async () => {
      const event = await publishedEvent(strapi, documentId);
      return event && acceptsConfirmations(event, now) ? promoteWaiting(strapi, event, now) : [];
    });
    report.promoted += promoted.length;
  }

  const tomorrow = upcoming.filter((event) => new Date(event.startsAt).getTime() < now.getTime() + DAY);
  for (const event of tomorrow) {
    const due = (await registrations(strapi).findMany({
      where: {
        eventDocumentId: event.documentId,
        registrationStatus: 'confirmed',
        reminderSentAt: { $null: true },
        email: { $notNull: true },
      },
    })) as RegistrationRow[];
    for (const row of due) {
      const pendingMails = [...new Set([...(row.pendingMails ?? []), 'reminder' as const])];
      await registrations(strapi).update({
        where: { id: row.id },
        data: { reminderSentAt: now, pendingMails, mailPending: true },
      });
    }
    report.reminded += due.length;
  }

  const owed = (await registrations(strapi).findMany({
    where: { mailPending: true },
    select: ['documentId'],
    limit: 500,
  })) as Pick<RegistrationRow, 'documentId'>[];
  report.retried = owed.length;
  await deliverOwedMails(
    strapi,
    env,
    owed.map(({ documentId }) => documentId),
    now,
  );

  // Every event that may be past retention; the exact end (endsAt, or the start plus two hours) is checked below.
  const cutoff = new Date(now.getTime() - env.REGISTRATION_RETENTION_DAYS * DAY);
  const ended = (await strapi.db
    .query(EVENT_UID)
    .findMany({ where: { startsAt: { $lt: cutoff } }, select: ['documentId', 'startsAt', 'endsAt'] })) as EventRow[];
  const expired = [
    ...new Set(ended.filter((event) => endOf(event).getTime() < cutoff.getTime()).map((event) => event.documentId)),
  ];
  if (expired.length > 0) {
    report.anonymised = await registrations(strapi)
      .updateMany({
        where: { eventDocumentId: { $in: expired }, anonymisedAt: { $null: true } },
        data: { ...ERASED, anonymisedAt: now },
      })
      .then((result: { count: number }) => result.count);
  }
  // An event deleted since: its date is gone with it, so its registrations go the retention after they were made.
  const stale = (await registrations(strapi).findMany({
    where: { anonymisedAt: { $null: true }, createdAt: { $lt: cutoff } },
    select: ['id', 'eventDocumentId'],
    limit: 1000,
  })) as Pick<RegistrationRow, 'id' | 'eventDocumentId'>[];
  const known = new Set(
    (
      (await strapi.db.query(EVENT_UID).findMany({
        where: { documentId: { $in: [...new Set(stale.map((row) => row.eventDocumentId))] } },
        select: ['documentId'],
      })) as Pick<EventRow, 'documentId'>[]
    ).map((event) => event.documentId),
  );
  const orphans = stale.filter((row) => !known.has(row.eventDocumentId)).map((row) => row.id);
  if (orphans.length > 0) {
    report.anonymised += await registrations(strapi)
      .updateMany({ where: { id: { $in: orphans } }, data: { ...ERASED, anonymisedAt: now } })
      .then((result: { count: number }) => result.count);
  }
  return report;
}
