import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { checkRegistration, REGISTRATION_STATUSES, type Env, type RegistrationStatus } from '@clermontech/config';
import { cmsEnv } from '../cms-env';
import { registerAdminRoutes } from '../http/admin-routes';
import { sendError } from '../http/error-body';
import { mayOnModel } from '../proposals/entity-permission';
import type { AttendeeRow, EventRegistrations } from './contracts';
import { toCsv } from './csv';
import { deliverOwedMails } from './deliver';
import { publishedEvent, REGISTRATION_UID, registrations, withEventLocked, type RegistrationRow } from './store';

const EVENT_UID = 'api::event.event';

const asAttendee = (row: RegistrationRow): AttendeeRow => ({
  documentId: row.documentId,
  status: row.registrationStatus,
  name: row.name,
  email: row.email,
  firstTime: row.firstTime === true,
  accessibilityNeeds: row.accessibilityNeeds,
  createdAt: new Date(row.createdAt).toISOString(),
});

async function eventRegistrations(
  strapi: Core.Strapi,
  eventDocumentId: string,
): Promise<EventRegistrations | undefined> {
  const event = (await strapi.db
    .query(EVENT_UID)
    .findOne({ where: { documentId: eventDocumentId }, select: ['capacity'] })) as { capacity: number | null } | null;
  if (!event) return undefined;
  const rows = (await registrations(strapi).findMany({
    where: { eventDocumentId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  })) as RegistrationRow[];
  const counts = Object.fromEntries(REGISTRATION_STATUSES.map((status) => [status, 0])) as Record<
    RegistrationStatus,
    number
  >;
  for (const row of rows) counts[row.registrationStatus] += 1;
  return { capacity: event.capacity ?? null, counts, registrations: rows.map(asAttendee) };
}

/**
 * Admin routes behind an event's "Inscriptions" panel and its door list: the list and counts, a CSV
 * export, ticking someone present, adding someone by hand. Attendees' names and e-mails are read with the role's right to
 * read registrations (Editors have it; Authors never: bootstrap/admin-roles.ts), changes with the
 * right to update them.
 */
export function registerRegistrationAdminRoutes(strapi: Core.Strapi, env: Env = cmsEnv()): void {
  const list = async (ctx: Context) => {
    if (!mayOnModel(strapi, ctx, REGISTRATION_UID, 'read'))
      return sendError(ctx, 403, 'Votre rôle ne permet pas de voir les inscriptions.');
    const found = await eventRegistrations(strapi, String(ctx.params.documentId));
    if (!found) return sendError(ctx, 404, 'Cet événement n’existe pas.');
    ctx.body = found;
  };

  const exportCsv = async (ctx: Context) => {
    if (!mayOnModel(strapi, ctx, REGISTRATION_UID, 'read'))
      return sendError(ctx, 403, 'Votre rôle ne permet pas de voir les inscriptions.');
    const found = await eventRegistrations(strapi, String(ctx.params.documentId));
    if (!found) return sendError(ctx, 404, 'Cet événement n’existe pas.');
    ctx.type = 'text/csv; charset=utf-8';
    ctx.set('Content-Disposition', 'attachment; filename="inscriptions.csv"');
    ctx.set('Cache-Control', 'no-store');
    ctx.body = toCsv(
      ['Nom', 'E-mail', 'Statut', 'Première fois', 'Besoins d’accessibilité', 'Inscrit·e le'],
      found.registrations.map((row) => [
        row.name ?? '',
        row.email ?? '',
        row.status,
        row.firstTime ? 'oui' : 'non',
        row.accessibilityNeeds ?? '',
        row.createdAt,
      ]),
    );
  };

  /** The door list's button: present, or back to confirmed after a wrong tap. */
  const markPresent = async (ctx: Context) => {
    if (!mayOnModel(strapi, ctx, REGISTRATION_UID, 'update'))
      return sendError(ctx, 403, 'Votre rôle ne permet pas de modifier les inscriptions.');
    const present = (ctx.request.body as { present?: unknown } | undefined)?.present;
    if (typeof present !== 'boolean') return sendError(ctx, 400, 'present: true ou false');
    const row = (await registrations(strapi).findOne({
      where: { documentId: String(ctx.params.documentId) },
    })) as RegistrationRow | null;
    if (!row) return sendError(ctx, 404, 'Cette inscription n’existe pas.');
    const from: RegistrationStatus = present ? 'confirmed' : 'present';
    if (row.registrationStatus !== from && row.registrationStatus !== (present ? 'present' : 'confirmed')) {
      return sendError(ctx, 409, 'Seule une inscription confirmée peut être marquée présente.');
    }
    const updated = (await registrations(strapi).update({
      where: { id: row.id },
      data: { registrationStatus: present ? 'present' : 'confirmed', presentAt: present ? new Date() : null },
    })) as RegistrationRow;
    ctx.body = asAttendee(updated);
  };

  /**
   * Someone registered by hand (by phone, at the door): confirmed at once, over the capacity if the
   * volunteer decides so, and sent « Inscription confirmée » with the event and the cancel link.
   */
  const addByHand = async (ctx: Context) => {
    if (!mayOnModel(strapi, ctx, REGISTRATION_UID, 'create'))
      return sendError(ctx, 403, 'Votre rôle ne permet pas d’ajouter des inscriptions.');
    const eventDocumentId = String(ctx.params.documentId);
    const body = (ctx.request.body ?? {}) as Record<string, unknown>;
    const check = checkRegistration({
      event: eventDocumentId,
      name: body.name,
      email: body.email,
      firstTime: body.firstTime === true,
    });
    if (!check.ok) return sendError(ctx, 400, check.message);
    if (!(await publishedEvent(strapi, eventDocumentId))) return sendError(ctx, 404, 'Cet événement n’est pas publié.');
    const created = await withEventLocked(strapi, eventDocumentId, async () => {
      const email = check.registration.email.toLowerCase();
      const existing = (await registrations(strapi).findOne({
        where: { eventDocumentId, email, registrationStatus: { $in: ['confirmed', 'present', 'waiting', 'pending'] } },
      })) as RegistrationRow | null;
      if (existing) return undefined;
      return (await registrations(strapi).create({
        data: {
          eventDocumentId,
          registrationStatus: 'confirmed',
          confirmedAt: new Date(),
          name: check.registration.name,
          email,
          firstTime: check.registration.firstTime,
          pendingMails: ['confirmed'],
          mailPending: true,
        },
      })) as RegistrationRow;
    });
    if (!created) return sendError(ctx, 409, 'Cette adresse est déjà inscrite à cet événement.');
    void deliverOwedMails(strapi, env, [created.documentId]);
    ctx.status = 201;
    ctx.body = asAttendee(created);
  };

  const guard = { policies: ['admin::isAuthenticatedAdmin'] };
  registerAdminRoutes(strapi, '/event-registrations', [
    { method: 'GET', path: '/events/:documentId', handler: list, config: guard },
    { method: 'POST', path: '/events/:documentId', handler: addByHand, config: guard },
    { method: 'GET', path: '/events/:documentId/export.csv', handler: exportCsv, config: guard },
    { method: 'POST', path: '/:documentId/present', handler: markPresent, config: guard },
  ]);
}
