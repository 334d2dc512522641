import type { Core } from '@strapi/strapi';
import { CONTENT_TYPES, type Env } from '@clermontech/config';
import { eventCalendar } from './ics';
import { registrationMail, type MailFacts, type MailKind } from './mails';
import { endOf } from './rules';
import { publishedEvent, registrations, waitingPosition, type EventRow, type RegistrationRow } from './store';
import { registrationSecret, signToken } from './token';

const WHEN = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'full', timeStyle: 'short' });

/** The event page's address on the site, by the contract's page path (the site's eventUrl uses the same). */
function eventPageUrl(env: Env, event: EventRow): string {
  const group = event.group?.slug ? { slug: event.group.slug } : undefined;
  return new URL(CONTENT_TYPES.events.pagePath({ kind: event.kind, slug: event.slug, group }), env.SITE_URL).toString();
}

function whereOf(event: EventRow): string | undefined {
  const venue = event.venue;
  if (!venue?.name) return undefined;
  return [venue.name, venue.address, [venue.postcode, venue.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
}

/** A signed link to the CMS's confirm or cancel route, valid until the evening starts. */
export function actionUrl(
  env: Env,
  secret: string,
  action: 'confirm' | 'cancel',
  registration: string,
  event: EventRow,
): string {
  const expires = Math.floor(new Date(event.startsAt).getTime() / 1000);
  const url = new URL(`/api/registrations/${action}`, env.CMS_URL);
  url.searchParams.set('token', signToken(secret, { registration, action, expires }));
  return url.toString();
}

async function factsFor(
  strapi: Core.Strapi,
  env: Env,
  secret: string,
  row: RegistrationRow,
  event: EventRow,
  kind: MailKind,
  now: Date,
): Promise<MailFacts> {
  const startsAt = new Date(event.startsAt);
  const where = whereOf(event);
  const url = eventPageUrl(env, event);
  return {
    to: row.email!,
    eventTitle: event.title,
    when: WHEN.format(startsAt),
    ...(where ? { where } : {}),
    eventUrl: url,
    ...(kind === 'confirm-request'
      ? { confirmUrl: actionUrl(env, secret, 'confirm', row.documentId, event) }
      : { cancelUrl: actionUrl(env, secret, 'cancel', row.documentId, event) }),
    ...(kind === 'waiting' ? { position: await waitingPosition(strapi, row) } : {}),
    ...(kind === 'confirmed' || kind === 'promoted'
      ? {
          calendar: eventCalendar(
            {
              documentId: event.documentId,
              title: event.title,
              startsAt,
              endsAt: endOf(event),
              url,
              ...(where ? { location: where } : {}),
            },
            now,
          ),
        }
      : {}),
  };
}

/**
 * Sends what the given registrations are owed, each e-mail struck off once the relay took it. A
 * refused or unreachable relay leaves it owed (mailPending) for the scheduled retry: the
 * registration itself was stored before, and stays. Never throws.
 */
export async function deliverOwedMails(
  strapi: Core.Strapi,
  env: Env,
  documentIds: string[],
  now = new Date(),
): Promise<void> {
  const secret = registrationSecret(env);
  if (!secret) return;
  const email = strapi.plugin('email').service<{ send(options: Record<string, unknown>): Promise<unknown> }>('email');
  for (const documentId of documentIds) {
    try {
      const row = (await registrations(strapi).findOne({ where: { documentId } })) as RegistrationRow | null;
      if (!row?.email || !row.pendingMails?.length) continue;
      const event = await publishedEvent(strapi, row.eventDocumentId);
      const owed = [...row.pendingMails];
      const left = [...owed];
      for (const kind of owed) {
        // An evening unpublished meanwhile: nothing to tell about it.
        if (!event) break;
        const mail = registrationMail(kind, await factsFor(strapi, env, secret, row, event, kind, now));
        try {
          await email.send({ from: env.EMAIL_FROM, ...mail });
          left.splice(left.indexOf(kind), 1);
          if (!env.SMTP_HOST)
            strapi.log.info(`e-mail not sent (SMTP_HOST is not set): "${mail.subject}" for registration ${documentId}`);
        } catch (error) {
          strapi.log.error(
            `registration e-mail "${mail.subject}" for ${documentId} failed, retried later: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`,
          );
        }
      }
      // Re-read: what became owed while sending (a promotion, say) must not be struck off.
      const current = (await registrations(strapi).findOne({
        where: { documentId },
        select: ['id', 'pendingMails'],
      })) as Pick<RegistrationRow, 'id' | 'pendingMails'> | null;
      if (!current) continue;
      const sent = owed.filter((kind) => !left.includes(kind));
      const still = (current.pendingMails ?? []).filter((kind) => !sent.includes(kind));
      await registrations(strapi).update({
        where: { id: current.id },
        data: { pendingMails: still, mailPending: still.length > 0 },
      });
    } catch (error) {
      strapi.log.error(
        `registration e-mails for ${documentId} failed, retried later: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`,
      );
    }
  }
}
