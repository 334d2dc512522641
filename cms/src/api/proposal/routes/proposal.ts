import { factories } from '@strapi/strapi';

// Sending is the only public route: nobody reads, changes or deletes a proposal through the API
// (members do it in the admin), so no other route exists to be opened by a wrong click.
export default factories.createCoreRouter('api::proposal.proposal', {
  only: ['create'],
  config: { create: { middlewares: ['global::proposal-rate-limit'] } },
});
