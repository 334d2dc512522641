import type { Core, UID } from '@strapi/strapi';
import type { Context } from 'koa';
import { registerAdminRoutes } from '../http/admin-routes';
import { errorBody, type ErrorStatus } from '../http/error-body';
import { EVENT, SPEAKER, TALK, VENUE } from './evening';
import { existingOf, planChoices, planEvening, PlanRefused, storedAmong } from './plan-evening';
import { checkPlan } from './plan-validation';
import { EVENINGS_ROUTE_PREFIX } from './contracts';
import {
  PLAN_CHOICES_PATH,
  PLAN_EVENING_PATH,
  type EveningPlanInput,
  type EveningPlanRefusal,
  type EveningPlanResult,
  type PlanChoices,
} from './planner-contracts';
import { mayOnAll, type DocumentAction } from './publish-permission';

function refuse(ctx: Context, status: ErrorStatus, message: string, problems?: string[]): void {
  ctx.status = status;
  const body: EveningPlanRefusal = errorBody(status, message, problems ? { problems } : {});
  ctx.body = body;
}

const REFUSAL =
  'Votre rôle ne permet pas de programmer une soirée : il faut pouvoir créer et publier les événements, les talks et les speakers.';

/**
 * Whether the admin user may programme this evening: publish events (the page ends with "Publier
 * la soirée": Editor and above), create each kind of document the plan creates, and read the
 * existing speakers and venue it links, their role's conditions applied to each.
 */
async function mayPlan(strapi: Core.Strapi, ctx: Context, plan: EveningPlanInput | undefined): Promise<boolean> {
  const checks: [DocumentAction, UID.ContentType, string[]][] = [
    ['publish', EVENT, []],
    ['create', EVENT, []],
    ['create', TALK, []],
  ];
  if (plan) {
    const existing = existingOf(plan);
    if (plan.talks.some((talk) => talk.speaker && talk.speaker.documentId === undefined))
      checks.push(['create', SPEAKER, []]);
    if (plan.event.venue && plan.event.venue.documentId === undefined) checks.push(['create', VENUE, []]);
    // Only those still stored: one deleted meanwhile is named in French by planEvening, not refused as a right.
    checks.push(
      ['read', SPEAKER, await storedAmong(strapi, SPEAKER, existing.speakers)],
      ['read', VENUE, await storedAmong(strapi, VENUE, existing.venues)],
    );
  } else checks.push(['read', SPEAKER, []], ['read', VENUE, []]);
  for (const [action, uid, documentIds] of checks)
    if (!(await mayOnAll(strapi, ctx, action, uid, documentIds))) return false;
  return true;
}

/**
 * "Programmer une soirée": `POST /evenings/plan` creates an evening, its venue, talks and speakers
 * as linked drafts from the guided page's one form, all or nothing, and answers the event's
 * documentId; `GET /evenings/plan/choices` lists the speakers and venues the form offers.
 */
export function registerPlannerRoutes(strapi: Core.Strapi): void {
  const plan = async (ctx: Context) => {
    const { plan: input, problems } = checkPlan(ctx.request.body);
    // The role is checked before the body's problems are named: someone who may not plan learns nothing.
    if (!(await mayPlan(strapi, ctx, problems.length === 0 ? input : undefined))) return refuse(ctx, 403, REFUSAL);
    if (problems.length > 0) return refuse(ctx, 400, new PlanRefused(problems).message, problems);
    const userId = (ctx.state as { user?: { id: number } }).user?.id;
    if (userId === undefined) return refuse(ctx, 401, 'Connectez-vous à l’administration.');
    try {
      const documentId = await planEvening(strapi, input, userId);
      ctx.status = 201;
      const body: EveningPlanResult = {
        documentId,
        message: `Soirée enregistrée en brouillon : l’événement et ${input.talks.length === 1 ? 'son talk' : `ses ${input.talks.length} talks`}. Prévisualisez-la, puis publiez-la.`,
      };
      ctx.body = body;
    } catch (error) {
      if (error instanceof PlanRefused) return refuse(ctx, 400, error.message, error.problems);
      throw error;
    }
  };
  const choices = async (ctx: Context) => {
    if (!(await mayPlan(strapi, ctx, undefined))) return refuse(ctx, 403, REFUSAL);
    const body: PlanChoices = await planChoices(strapi);
    ctx.body = body;
  };
  const config = { policies: ['admin::isAuthenticatedAdmin'] };
  const relative = (path: string) => path.slice(EVENINGS_ROUTE_PREFIX.length);
  registerAdminRoutes(strapi, EVENINGS_ROUTE_PREFIX, [
    { method: 'POST', path: relative(PLAN_EVENING_PATH), handler: plan, config },
    { method: 'GET', path: relative(PLAN_CHOICES_PATH), handler: choices, config },
  ]);
}
