import type { StrapiApp } from '@strapi/strapi/admin';
import { Calendar, Globe } from '@strapi/icons';
import { REPUBLISH_ACTION } from '../site-publishing/contracts';
import { PLANNER_PAGE } from '../evenings/planner-contracts';
import { ProposalPanel } from './proposals/ProposalPanel';
import { LiveStatePanel } from './live-state/LiveStatePanel';
import { frenchOverrides } from './french/translations';
import { defaultToFrench } from './french/default-language';
import { frenchBulkDialogHeaders } from './french/bulk-dialog-headers';
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
    frenchBulkDialogHeaders();
    // "Programmer une soirée": one form for an evening and its talks, for those who may publish events.
    app.addMenuLink({
      to: PLANNER_PAGE,
      icon: Calendar,
      intlLabel: { id: 'evening-planner.menu', defaultMessage: 'Programmer une soirée' },
      permissions: [{ action: 'plugin::content-manager.explorer.publish', subject: 'api::event.event' }],
      Component: async () => ({ default: (await import('./evening-planner/EveningPlannerPage')).EveningPlannerPage }),
      position: 2,
    });
    // First of the home page's widgets (registered after Strapi's and the plugins'), so it shows without scrolling.
    app.widgets.register((widgets) => [
      {
        id: 'site-public',
        icon: Globe,
        title: { id: 'site-public.widget.title', defaultMessage: 'Site public' },
        component: async () => (await import('./site-public/SitePublicWidget')).SitePublicWidget,
        // Its routes need this permission (Editor, Super Admin): an Author sees no widget rather than an error.
        permissions: [{ action: REPUBLISH_ACTION }],
      },
      ...widgets,
    ]);
  },
  bootstrap(app: StrapiApp) {
    // Members vote on talk proposals and turn the accepted ones into talks from the proposal's page.
    const contentManager = app.getPlugin('content-manager').apis as {
      addEditViewSidePanel(panels: unknown[]): void;
      addDocumentAction(reducer: (actions: DocumentActionComponent[]) => DocumentActionComponent[]): void;
    };
    // Every public entry says where it is live: its link and « En ligne », « Brouillon »…
    contentManager.addEditViewSidePanel([LiveStatePanel, ProposalPanel, RegistrationPanel]);
    // "Publier la soirée" on events: the event, its talks and their speakers go live together.
    contentManager.addDocumentAction(arrangeDocumentActions);
  },
};
