import { DRAFT_ROUTE } from '@clermontech/config';

export default {
  routes: [
    {
      method: 'GET',
      path: DRAFT_ROUTE,
      handler: 'draft.findDraft',
      // The signed token in the query is the credential: issued by the admin's preview handler, for one document, for an hour.
      config: { auth: false },
    },
  ],
};
