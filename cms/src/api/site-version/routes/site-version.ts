export default {
  routes: [
    {
      method: 'GET',
      path: '/site-version',
      handler: 'site-version.find',
      // Not sensitive (a hash), and the publisher may have no token.
      config: { auth: false },
    },
  ],
};
