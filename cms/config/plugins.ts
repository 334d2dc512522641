import type { Env } from '@clermontech/config';
import { cmsEnv, cmsSecrets } from '../src/cms-env';
import { ACCEPTED_FORMATS } from '../src/uploads/accepted-formats';

/** Strapi's own type check, first in line on its upload routes; the content check in the upload service has the last word. */
const ALLOWED_UPLOADS = ACCEPTED_FORMATS.map((format) => format.mime);
const DENIED_UPLOADS = [
  'image/svg+xml',
  'text/html',
  'application/xhtml+xml',
  'text/javascript',
  'application/javascript',
  'application/x-msdownload',
  'application/x-sh',
];

/** Nodemailer's transport: the SMTP relay when one is configured, else one that only renders the message. */
function mailTransport(env: Env): Record<string, unknown> {
  if (!env.SMTP_HOST) return { jsonTransport: true };
  return {
    host: env.SMTP_HOST,
    port: env.SMTP_PORT,
    secure: env.SMTP_SECURE,
    ...(env.SMTP_USER ? { auth: { user: env.SMTP_USER, pass: env.SMTP_PASSWORD ?? '' } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  };
}

export default () => ({
  'users-permissions': {
    config: {
      jwtSecret: cmsSecrets().JWT_SECRET,
      // Nobody signs up on the public site: accounts are admin users, created by the board.
      register: { allowedFields: [] },
    },
  },
  email: {
    config: {
      provider: 'nodemailer',
      providerOptions: mailTransport(cmsEnv()),
      settings: { defaultFrom: cmsEnv().EMAIL_FROM, defaultReplyTo: cmsEnv().PROPOSAL_EMAIL ?? cmsEnv().EMAIL_FROM },
    },
  },
  upload: {
    config: {
      sizeLimit: cmsEnv().UPLOAD_MAX_MB * 1024 * 1024,
      security: { allowedTypes: ALLOWED_UPLOADS, deniedTypes: DENIED_UPLOADS },
    },
  },
});
