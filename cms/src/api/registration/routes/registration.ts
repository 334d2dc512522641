import { cmsEnv } from '../../../cms-env';
import { registrationIpLimit } from '../../../registrations/rate-limit';

// No core routes: nobody lists, reads, changes or deletes a registration through the API. These are
// the public doors, each checked by itself (the form's contract, or a signed token), hence auth: false.
const limitPerIp = registrationIpLimit(cmsEnv());

export default {
  routes: [
    {
      method: 'POST',
      path: '/registrations',
      handler: 'registration.create',
      config: { auth: false, middlewares: [limitPerIp] },
    },
    { method: 'GET', path: '/registrations/confirm', handler: 'registration.confirm', config: { auth: false } },
    { method: 'GET', path: '/registrations/cancel', handler: 'registration.askCancel', config: { auth: false } },
    {
      method: 'POST',
      path: '/registrations/cancel',
      handler: 'registration.cancel',
      config: { auth: false, middlewares: [limitPerIp] },
    },
    { method: 'GET', path: '/events/:id/availability', handler: 'registration.availability', config: { auth: false } },
  ],
};
