/**
 * "Programmer une soirée": what the admin's guided page sends and what the CMS answers, shared by the
 * server (evenings/plan-evening.ts) and the page (admin/evening-planner/).
 */
import type { EventKind } from '@clermontech/config';
import type { ErrorBody } from '../http/error-body';
import { EVENINGS_ROUTE_PREFIX } from './contracts';

export type { EventKind };

/** POST: creates the evening as drafts; GET …/choices: the speakers and venues to choose from. */
export const PLAN_EVENING_PATH = `${EVENINGS_ROUTE_PREFIX}/plan`;
export const PLAN_CHOICES_PATH = `${EVENINGS_ROUTE_PREFIX}/plan/choices`;

/** The admin path of the guided page (its menu link). */
export const PLANNER_PAGE = 'programmer-une-soiree';

export const REGISTRATION_MODES = ['aucune', 'lien', 'site'] as const;
export type RegistrationMode = (typeof REGISTRATION_MODES)[number];

/** An existing document, or a new one described by its fields. */
export type Chosen<New> = { documentId: string } | ({ documentId?: undefined } & New);

export interface NewVenue {
  name: string;
  address?: string;
}

export interface NewSpeaker {
  name: string;
  /** A media library file id, uploaded by the page just before sending the plan. */
  photo?: number;
}

export interface PlannedTalk {
  title: string;
  abstract?: string;
  /** Minutes. */
  duration?: number;
  slidesUrl?: string;
  speaker?: Chosen<NewSpeaker>;
}

export interface EveningPlanInput {
  event: {
    title: string;
    kind: EventKind;
    number?: number;
    /** Paris wall-clock date, `YYYY-MM-DD`. */
    date: string;
    /** Paris wall-clock time, `HH:MM`. */
    time: string;
    summary?: string;
    venue?: Chosen<NewVenue>;
    registrationMode?: RegistrationMode;
    registrationUrl?: string;
    capacity?: number;
  };
  talks: PlannedTalk[];
}

/** 201: the event's documentId, for the preview and "Publier la soirée". */
export interface EveningPlanResult {
  documentId: string;
  message: string;
}

/** 4xx: nothing was created; `details.problems` names each field to correct, in French. */
export type EveningPlanRefusal = ErrorBody<{ problems?: string[] }>;

export interface PlanChoices {
  speakers: { documentId: string; name: string }[];
  venues: { documentId: string; name: string; address: string | null }[];
}
