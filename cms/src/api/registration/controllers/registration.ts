import { factories } from '@strapi/strapi';
import type { Context } from 'koa';
import { checkRegistration } from '@clermontech/config';
import { cmsEnv } from '../../../cms-env';
import { deliverOwedMails } from '../../../registrations/deliver';
import { cancel, confirm, register } from '../../../registrations/lifecycle';
import { renderCancelPage } from '../../../registrations/pages';
import { emailLimit } from '../../../registrations/rate-limit';
import { redirectToPage, respondToRegistration, setPageHeaders } from '../../../registrations/respond';
import { availabilityOf } from '../../../registrations/rules';
import { countsOf, publishedEvent, registrations, type RegistrationRow } from '../../../registrations/store';
import { registrationSecret, verifyToken } from '../../../registrations/token';

export default factories.createCoreController('api::registration.registration', ({ strapi }) => {
  const env = cmsEnv();
  const secret = registrationSecret(env);
  const perEmail = emailLimit(env);
  // After the answer: the person doesn't wait for the mail server, and a failure stays owed.
  const sendOwed = (documentIds: string[]) => void deliverOwedMails(strapi, env, documentIds);
  const tokenOf = (ctx: Context) =>
    ctx.method === 'POST' ? (ctx.request.body as Record<string, unknown> | undefined)?.token : ctx.query.token;

  return {
    /** The form's door: a pending registration and one e-mail asking to confirm it. */
    async create(ctx: Context) {
      const values: unknown = ctx.request.body;
      if (!secret)
        return respondToRegistration(ctx, env, {
          status: 503,
          field: 'form',
          message: 'Les inscriptions sont indisponibles pour le moment.',
          values,
        });
      const files = (ctx.request as { files?: Record<string, unknown> }).files;
      if (files && Object.keys(files).length > 0)
        return respondToRegistration(ctx, env, {
          status: 400,
          field: 'form',
          message: 'Ce formulaire n’accepte pas de fichier.',
          values,
        });
      const check = checkRegistration(values);
      if (!check.ok)
        return respondToRegistration(ctx, env, { status: 400, field: check.field, message: check.message, values });
      const limit = await perEmail(check.registration.email);
      if (limit.exhausted) {
        ctx.set('Retry-After', String(limit.retryAfterSeconds));
        return respondToRegistration(ctx, env, {
          status: 429,
          field: 'email',
          message: 'Trop d’inscriptions pour cette adresse. Vérifiez vos e-mails, ou réessayez plus tard.',
          values,
        });
      }
      const outcome = await register(strapi, check.registration, new Date());
      if (outcome.status === 'unknown-event')
        return respondToRegistration(ctx, env, {
          status: 400,
          field: 'event',
          message: 'Cet événement n’existe pas ou plus.',
          values,
        });
      if (outcome.status === 'closed')
        return respondToRegistration(ctx, env, {
          status: 409,
          field: 'form',
          message: 'Les inscriptions à cet événement sont fermées.',
          values,
        });
      if (outcome.registration) sendOwed([outcome.registration]);
      return respondToRegistration(ctx, env, { status: 201 });
    },

    /** The link of the first e-mail: a place, the waiting list, or "complet". */
    async confirm(ctx: Context) {
      const claims = secret && verifyToken(secret, tokenOf(ctx), 'confirm', new Date());
      if (!claims) return redirectToPage(ctx, env, 'invalid');
      const outcome = await confirm(strapi, claims.registration, new Date());
      if (outcome.status === 'invalid') return redirectToPage(ctx, env, 'invalid');
      if (outcome.status === 'full') return redirectToPage(ctx, env, 'full');
      sendOwed([claims.registration]);
      if (outcome.status === 'waiting')
        return redirectToPage(ctx, env, 'waiting', { position: String(outcome.position) });
      return redirectToPage(ctx, env, 'confirmed');
    },

    /** The cancel link opens a question; only its button (a POST) cancels. */
    async askCancel(ctx: Context) {
      const token = tokenOf(ctx);
      const claims = secret && verifyToken(secret, token, 'cancel', new Date());
      const row = claims
        ? ((await registrations(strapi).findOne({
            where: { documentId: claims.registration },
          })) as RegistrationRow | null)
        : null;
      if (!row || typeof token !== 'string') return redirectToPage(ctx, env, 'invalid');
      if (row.registrationStatus === 'cancelled') return redirectToPage(ctx, env, 'cancelled');
      const event = await publishedEvent(strapi, row.eventDocumentId);
      setPageHeaders(ctx, env);
      ctx.body = renderCancelPage({ siteUrl: env.SITE_URL, action: ctx.path, token, eventTitle: event?.title ?? '' });
    },

    async cancel(ctx: Context) {
      const claims = secret && verifyToken(secret, tokenOf(ctx), 'cancel', new Date());
      if (!claims) return redirectToPage(ctx, env, 'invalid');
      const outcome = await cancel(strapi, claims.registration, new Date());
      if (outcome.status === 'invalid') return redirectToPage(ctx, env, 'invalid');
      sendOwed(outcome.promoted);
      return redirectToPage(ctx, env, 'cancelled');
    },

    /** Places left, for the event page's script; cached a few seconds by browsers and proxies. */
    async availability(ctx: Context) {
      const id = String(ctx.params.id ?? '');
      const event = /^[a-z0-9]{10,40}$/.test(id) ? await publishedEvent(strapi, id) : undefined;
      if (!event || event.registrationMode !== 'site')
        return ctx.notFound('No registrations on the site for this event');
      ctx.set('Cache-Control', 'public, max-age=5');
      ctx.body = { data: availabilityOf(event, await countsOf(strapi, event.documentId), new Date()) };
    },
  };
});
