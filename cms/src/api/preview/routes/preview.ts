export default {
  routes: [
    {
      method: 'GET',
      path: '/preview/:type/:documentId',
      handler: 'preview.findDraft',
      // The signed token in the query is the credential: issued by the admin's preview handler, for one document, for an hour.
      config: { auth: false },
    },
  ],
};
