import { cmsEnv, cmsSecrets } from '../src/cms-env';

export default () => {
  const env = cmsEnv();
  return {
    host: env.CMS_HOST,
    port: env.CMS_PORT,
    url: env.CMS_URL,
    app: { keys: cmsSecrets().APP_KEYS.split(',') },
    // No network calls to look for Strapi updates: versions are pinned in package.json.
    logger: { updates: { enabled: false } },
  };
};
