import { cmsEnv } from '../src/cms-env';

export default () => {
  const env = cmsEnv();
  return [
    'strapi::logger',
    'strapi::errors',
    'strapi::security',
    {
      name: 'strapi::cors',
      // The public site (and the admin, served by the CMS itself) are the only browsers' origins.
      config: { origin: [new URL(env.SITE_URL).origin, new URL(env.CMS_URL).origin] },
    },
    'strapi::poweredBy',
    'global::auth-rate-limit',
    'strapi::query',
    'global::multipart-guard',
    {
      name: 'strapi::body',
      config: { formidable: { maxFileSize: env.UPLOAD_MAX_MB * 1024 * 1024 } },
    },
    'strapi::session',
    'strapi::favicon',
    'strapi::public',
    'global::published-only',
  ];
};
