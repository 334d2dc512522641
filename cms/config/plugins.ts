import { cmsEnv, cmsSecrets } from '../src/cms-env';

/** What volunteers upload: photos, logos, slides. SVG and HTML can carry scripts: refused. */
const ALLOWED_UPLOADS = [
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/avif',
  'application/pdf',
  'application/vnd.oasis.opendocument.presentation',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
];
const DENIED_UPLOADS = ['image/svg+xml', 'text/html', 'application/xhtml+xml', 'text/javascript', 'application/javascript', 'application/x-msdownload', 'application/x-sh'];

export default () => ({
  'users-permissions': {
    config: {
      jwtSecret: cmsSecrets().JWT_SECRET,
      // Nobody signs up on the public site: accounts are admin users, created by the board.
      register: { allowedFields: [] },
    },
  },
  upload: {
    config: {
      sizeLimit: cmsEnv().UPLOAD_MAX_MB * 1024 * 1024,
      security: { allowedTypes: ALLOWED_UPLOADS, deniedTypes: DENIED_UPLOADS },
    },
  },
});
