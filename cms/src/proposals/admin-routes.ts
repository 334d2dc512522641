import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { linkedTalk, ProposalNotReady, proposalToTalk } from './to-talk';
import { castVote, ProposalNotFound, tallyVotes } from './votes';

const PROPOSAL = 'api::proposal.proposal';

interface AdminState {
  user?: { id: number };
  userAbility?: { can(action: string, subject: string): boolean };
}

/** The admin user behind the request, if their role lets them do `action` in the content manager. */
function memberAllowed(ctx: Context, action: 'read' | 'update' | 'create', subject: string): number | undefined {
  const state = ctx.state as AdminState;
  if (!state.user || !state.userAbility?.can(`plugin::content-manager.explorer.${action}`, subject)) return undefined;
  return state.user.id;
}

function refuse(ctx: Context, status: number, message: string): void {
  ctx.status = status;
  ctx.body = { error: { status, message } };
}

async function answer(ctx: Context, work: () => Promise<unknown>, created = false): Promise<void> {
  try {
    ctx.body = await work();
    if (created) ctx.status = 201;
  } catch (error) {
    if (error instanceof ProposalNotFound) return refuse(ctx, 404, 'Cette proposition n’existe pas.');
    if (error instanceof ProposalNotReady) return refuse(ctx, 409, error.message);
    throw error;
  }
}

/**
 * Admin routes behind the proposal's side panel: members vote (one vote per admin user) and turn
 * an accepted proposal into a draft talk. Each needs the admin session and the role's right on
 * proposals (and, to create a talk, on talks and speakers).
 */
export function registerProposalAdminRoutes(strapi: Core.Strapi): void {
  const votes = async (ctx: Context) => {
    const userId = memberAllowed(ctx, 'read', PROPOSAL);
    if (userId === undefined) return refuse(ctx, 403, 'Votre rôle ne permet pas de lire les propositions.');
    const { documentId } = ctx.params;
    await answer(ctx, async () => ({ ...(await tallyVotes(strapi, documentId, userId)), talk: await linkedTalk(strapi, documentId) }));
  };

  const vote = async (ctx: Context) => {
    const userId = memberAllowed(ctx, 'update', PROPOSAL);
    if (userId === undefined) return refuse(ctx, 403, 'Votre rôle ne permet pas de voter.');
    const inFavour = (ctx.request.body as { inFavour?: unknown } | undefined)?.inFavour;
    if (typeof inFavour !== 'boolean') return refuse(ctx, 400, 'inFavour: true ou false');
    await answer(ctx, () => castVote(strapi, ctx.params.documentId, userId, inFavour));
  };

  const toTalk = async (ctx: Context) => {
    const allowed =
      memberAllowed(ctx, 'update', PROPOSAL) !== undefined &&
      memberAllowed(ctx, 'create', 'api::talk.talk') !== undefined &&
      memberAllowed(ctx, 'create', 'api::speaker.speaker') !== undefined;
    if (!allowed) return refuse(ctx, 403, 'Votre rôle ne permet pas de créer des talks.');
    await answer(ctx, () => proposalToTalk(strapi, ctx.params.documentId), true);
  };

  strapi.server.routes({
    type: 'admin',
    prefix: '/talk-proposals',
    routes: [
      { method: 'GET', path: '/:documentId/votes', handler: votes, config: { policies: ['admin::isAuthenticatedAdmin'] } },
      { method: 'POST', path: '/:documentId/votes', handler: vote, config: { policies: ['admin::isAuthenticatedAdmin'] } },
      { method: 'POST', path: '/:documentId/talk', handler: toTalk, config: { policies: ['admin::isAuthenticatedAdmin'] } },
    ],
  } as never);
}
