import type { StrapiApp } from '@strapi/strapi/admin';
import { Globe } from '@strapi/icons';

export default {
  config: {
    // Volunteers read French; each can still switch to English in their profile.
    locales: ['fr'],
  },
  register(app: StrapiApp) {
    app.widgets.register({
      id: 'site-public',
      icon: Globe,
      title: { id: 'site-public.widget.title', defaultMessage: 'Site public' },
      component: async () => (await import('./site-public/SitePublicWidget')).SitePublicWidget,
    });
  },
  bootstrap(_app: StrapiApp) {},
};
