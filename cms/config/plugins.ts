import { cmsSecrets } from '../src/cms-env';

export default () => ({
  'users-permissions': {
    config: {
      jwtSecret: cmsSecrets().JWT_SECRET,
      // Nobody signs up on the public site: accounts are admin users, created by the board.
      register: { allowedFields: [] },
    },
  },
});
