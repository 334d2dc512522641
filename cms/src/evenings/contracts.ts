import type { ErrorBody } from '../http/error-body';

/**
 * "Publier la soirée" / "Dépublier la soirée": the admin routes an event's document action calls,
 * shared by the server (evenings/admin-routes.ts) and the admin (admin/evenings/).
 */
export const EVENINGS_ROUTE_PREFIX = '/evenings';

export type EveningAction = 'publish' | 'unpublish';

/** `POST /evenings/:documentId/<action>` → the route for an event's documentId. */
export const eveningActionPath = (documentId: string, action: EveningAction) =>
  `${EVENINGS_ROUTE_PREFIX}/${encodeURIComponent(documentId)}/${action}`;

/** How many documents of each kind changed state. */
export interface EveningCounts {
  events: number;
  talks: number;
  speakers: number;
  /** A venue published for the first time with its evening. */
  venues?: number;
}

/** 200: what was published or unpublished, and a French sentence saying so. */
export interface EveningActionResult {
  action: EveningAction;
  counts: EveningCounts;
  message: string;
}

/** 4xx: nothing was changed; `details.missing` names, in French, each thing to complete first (409). */
export type EveningActionRefusal = ErrorBody<{ missing?: string[] }>;
