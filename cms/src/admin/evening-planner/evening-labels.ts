import { adminViews } from '../../bootstrap/admin-views.data';

export const EVENT_UID = 'api::event.event';

/** An event field's label as the edit view shows it, so the planner and the event's page say the same words. */
export const eventLabel = (field: string) => adminViews[EVENT_UID]?.fields[field]?.label ?? field;
