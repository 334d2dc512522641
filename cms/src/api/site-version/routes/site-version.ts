import { SITE_VERSION_ROUTE } from '@clermontech/config';

export default {
  routes: [
    {
      method: 'GET',
      path: SITE_VERSION_ROUTE,
      handler: 'site-version.find',
      // Not sensitive (a hash), and the publisher may have no token.
      config: { auth: false },
    },
  ],
};
