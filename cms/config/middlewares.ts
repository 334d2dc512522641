import { cmsEnv } from '../src/cms-env';
import { CORS_METHODS, siteOriginOnContentApi } from '../src/security/cors-scope';

export default () => {
  const env = cmsEnv();
  return [
    // Strapi's access log, with tokens in query strings redacted.
    'global::access-log',
    'strapi::errors',
    'strapi::security',
    {
      name: 'strapi::cors',
      // The site's scripts may read the public API and post the proposal form, without credentials;
      // the admin (served by the CMS itself, same origin) needs no CORS, and gets none.
      config: {
        origin: siteOriginOnContentApi(new URL(env.SITE_URL).origin),
        credentials: false,
        methods: CORS_METHODS,
        headers: ['Content-Type', 'Accept'],
      },
    },
    // No strapi::poweredBy: X-Powered-By only tells a visitor which software to attack.
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
