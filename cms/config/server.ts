import { cmsEnv, cmsSecrets } from '../src/cms-env';

export default () => {
  const env = cmsEnv();
  return {
    host: env.CMS_HOST,
    port: env.CMS_PORT,
    url: env.CMS_URL,
    app: { keys: cmsSecrets().APP_KEYS.split(',') },
  };
};
