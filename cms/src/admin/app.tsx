import type { StrapiApp } from '@strapi/strapi/admin';
import { Globe } from '@strapi/icons';
import { REPUBLISH_ACTION } from '../publisher/contracts';
import { ProposalPanel } from './proposals/ProposalPanel';
import { RegistrationPanel } from './registrations/RegistrationPanel';

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
      // Its routes need this permission (Editor, Super Admin): an Author sees no widget rather than an error.
      permissions: [{ action: REPUBLISH_ACTION }],
    });
  },
  bootstrap(app: StrapiApp) {
    // Members vote on talk proposals and turn the accepted ones into talks from the proposal's page.
    (app.getPlugin('content-manager').apis as { addEditViewSidePanel(panels: unknown[]): void }).addEditViewSidePanel([ProposalPanel, RegistrationPanel]);
  },
};
