import { cmsEnv, cmsSecrets } from '../src/cms-env';
import { createPreviewHandler } from '../src/draft-links/link-handler';

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
    // "Aperçu": the draft rendered by the site under /_preview/, behind a link signed for one document and one hour.
    // Without PREVIEW_SECRET there is no preview, rather than links anyone could forge.
    preview: {
      enabled: Boolean(env.PREVIEW_SECRET),
      config: {
        allowedOrigins: [new URL(env.SITE_URL).origin],
        handler: env.PREVIEW_SECRET ? createPreviewHandler(env.SITE_URL, env.PREVIEW_SECRET) : () => null,
      },
    },
  };
};
