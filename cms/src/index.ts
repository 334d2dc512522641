import type { Core } from '@strapi/strapi';
import { cmsEnv } from './cms-env';
import { alignAdminRoles, registerRepublishAction } from './bootstrap/admin-roles';
import { configureAdminViews } from './bootstrap/admin-views';
import { removeDefaultApiTokens } from './bootstrap/default-api-tokens';
import { seedDemoContent } from './bootstrap/demo-content';
import { ensureFirstAdmin } from './bootstrap/first-admin';
import { defaultAdminLanguageToFrench } from './bootstrap/french-admin';
import { lockDownPublicRole } from './bootstrap/public-permissions';
import { ensureSiteToken } from './bootstrap/site-token';
import { registerProposalAdminRoutes } from './proposals/admin-routes';
import { registerRegistrationAdminRoutes } from './registrations/admin-routes';
import { registerEveningAdminRoutes } from './evenings/admin-routes';
import { makeSlugsFollowTitles } from './evenings/slug-follows-title';
import { recordPreviousSlugs } from './slug-history/record-previous-slugs';
import { guardUrlFields } from './url-fields/guard-url-fields';
import { protectVotes } from './proposals/protect-votes';
import { registerSitePublicRoutes } from './site-publishing/admin-routes';
import { registerPublisherWebhook } from './site-publishing/webhook';
import { hideWhereMediaIsUsed } from './security/media-usage';
import { enforcePublishedOnlyReads } from './security/published-only-reads';
import { cmsCountStore, forgetRateLimits } from './rate-limit/limiter';
import { guardUploads } from './uploads';

export default {
  async register({ strapi }: { strapi: Core.Strapi }) {
    await registerRepublishAction(strapi);
    registerSitePublicRoutes(strapi, cmsEnv());
    registerProposalAdminRoutes(strapi);
    registerRegistrationAdminRoutes(strapi);
    registerEveningAdminRoutes(strapi);
    makeSlugsFollowTitles(strapi);
    recordPreviousSlugs(strapi);
    guardUrlFields(strapi);
    protectVotes(strapi);
    guardUploads(strapi);
    enforcePublishedOnlyReads(strapi);
    hideWhereMediaIsUsed(strapi);
  },

  /** Each step is idempotent: booting twice changes nothing the first boot did. */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    const env = cmsEnv();
    await forgetRateLimits(cmsCountStore(strapi));
    defaultAdminLanguageToFrench(strapi);
    await lockDownPublicRole(strapi);
    await configureAdminViews(strapi);
    await alignAdminRoles(strapi);
    await ensureFirstAdmin(strapi, env);
    await ensureSiteToken(strapi, env);
    await removeDefaultApiTokens(strapi);
    await registerPublisherWebhook(strapi, env);
    if (env.SEED_DEMO) await seedDemoContent(strapi);
  },
};
