import type { StrapiApp } from '@strapi/strapi/admin';
import { Globe } from '@strapi/icons';
import { REPUBLISH_ACTION } from '../publisher/contracts';
import { ProposalPanel } from './proposals/ProposalPanel';
import { frenchOverrides } from './french/translations';
import { defaultToFrench } from './french/default-language';
import { RegistrationPanel } from './registrations/RegistrationPanel';
import { arrangeDocumentActions } from './evenings/arrange-actions';
import type { DocumentActionComponent } from '@strapi/content-manager/strapi-admin';

export default {
  config: {
    // Volunteers read French; each can still switch to English in their profile.
    locales: ['fr'],
    translations: { fr: frenchOverrides },
  },
  register(app: StrapiApp) {
    defaultToFrench();
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
    const contentManager = app.getPlugin('content-manager').apis as {
      addEditViewSidePanel(panels: unknown[]): void;
      addDocumentAction(reducer: (actions: DocumentActionComponent[]) => DocumentActionComponent[]): void;
    };
    contentManager.addEditViewSidePanel([ProposalPanel, RegistrationPanel]);
    // "Publier la soirée" on events: the event, its talks and their speakers go live together.
    contentManager.addDocumentAction(arrangeDocumentActions);
  },
};
