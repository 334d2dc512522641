import type { DocumentActionComponent } from '@strapi/content-manager/strapi-admin';
import { EVENT, PublishEveningAction, UnpublishEveningAction } from './EveningActions';

/** The same action, shown only where `shown(model)` holds, optionally relabelled. */
function restricted(
  action: DocumentActionComponent,
  shown: (model: string) => boolean,
  label?: string,
): DocumentActionComponent {
  const wrapped: DocumentActionComponent = (props) => {
    // Called unconditionally: the action uses hooks.
    const description = action(props);
    if (!description || !shown(props.model)) return null;
    return label ? { ...description, label } : description;
  };
  wrapped.type = action.type;
  wrapped.position = action.position;
  return wrapped;
}

/**
 * On an event, "Publier la soirée" takes the main button (publishing the event alone put it online
 * without its programme) and "Enregistrer" stays beside it; publishing the event alone moves to the
 * "…" menu with "Dépublier la soirée". Other content types keep Strapi's order.
 */
export function arrangeDocumentActions(defaults: DocumentActionComponent[]): DocumentActionComponent[] {
  const publish = defaults.find((action) => action.type === 'publish');
  const update = defaults.find((action) => action.type === 'update');
  if (!publish || !update) return [PublishEveningAction, ...defaults, UnpublishEveningAction];
  const rest = defaults.filter((action) => action !== publish && action !== update);
  const isEvent = (model: string) => model === EVENT;
  return [
    PublishEveningAction,
    restricted(publish, (model) => !isEvent(model)),
    update,
    ...rest,
    restricted(publish, isEvent, 'Publier l’événement seul'),
    UnpublishEveningAction,
  ];
}
