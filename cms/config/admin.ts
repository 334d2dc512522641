import { cmsEnv, cmsSecrets } from '../src/cms-env';

export default () => {
  const env = cmsEnv();
  const secrets = cmsSecrets();
  return {
    url: env.CMS_ADMIN_PATH,
    auth: { secret: secrets.ADMIN_JWT_SECRET },
    apiToken: { salt: secrets.API_TOKEN_SALT },
    transfer: { token: { salt: secrets.TRANSFER_TOKEN_SALT } },
    secrets: { encryptionKey: secrets.ENCRYPTION_KEY },
    // The association's volunteers don't need Strapi's marketing prompts.
    flags: { nps: false, promoteEE: false },
  };
};
