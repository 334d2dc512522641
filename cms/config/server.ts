import { cmsEnv, cmsSecrets } from '../src/cms-env';
import { registrationCronTasks } from '../src/registrations/cron-tasks';

export default () => {
  const env = cmsEnv();
  return {
    host: env.CMS_HOST,
    port: env.CMS_PORT,
    url: env.CMS_URL,
    // Behind one reverse proxy, the client is the address that proxy adds; a forged
    // X-Forwarded-For sent by the client sits further left and is ignored.
    proxy: { koa: env.CMS_TRUST_PROXY, maxIpsCount: 1 },
    app: { keys: cmsSecrets().APP_KEYS.split(',') },
    // No network calls to look for Strapi updates: versions are pinned in package.json.
    logger: { updates: { enabled: false } },
    // Remote data transfer (strapi transfer) could overwrite the whole database: off in production.
    transfer: { remote: { enabled: env.NODE_ENV !== 'production' } },
    // Reminders, e-mail retries and anonymisation of registrations (src/registrations/chores.ts).
    cron: { enabled: true, tasks: registrationCronTasks },
  };
};
