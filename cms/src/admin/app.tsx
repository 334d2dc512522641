import type { StrapiApp } from '@strapi/strapi/admin';

export default {
  config: {
    // Volunteers read French; each can still switch to English in their profile.
    locales: ['fr'],
  },
  bootstrap(_app: StrapiApp) {},
};
