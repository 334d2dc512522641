import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { registerAdminRoutes } from '../http/admin-routes';
import { sendError } from '../http/error-body';
import { entityAccess, mayOnModel } from './entity-permission';
import { linkedTalk, ProposalNotReady, proposalToTalk } from './to-talk';
import { castVote, ProposalNotFound, tallyVotes } from './votes';

const PROPOSAL = 'api::proposal.proposal';
const TALK = 'api::talk.talk';
const SPEAKER = 'api::speaker.speaker';

const NOT_FOUND = 'Cette proposition n’existe pas.';

async function answer(ctx: Context, work: () => Promise<unknown>, created = false): Promise<void> {
  try {
    ctx.body = await work();
    if (created) ctx.status = 201;
  } catch (error) {
    if (error instanceof ProposalNotFound) return sendError(ctx, 404, NOT_FOUND);
    if (error instanceof ProposalNotReady) return sendError(ctx, 409, error.message);
    throw error;
  }
}

/**
 * Admin routes behind the proposal's side panel: members vote (one vote per admin user) and turn
 * an accepted proposal into a draft talk. Each applies the admin user's role to the proposal itself,
 * conditions included, as the content manager does: reading the votes needs the right to read that
 * proposal, voting and converting the right to update it (and, to convert, to create talks and speakers).
 */
export function registerProposalAdminRoutes(strapi: Core.Strapi): void {
  /** Runs `work` for the user when their role allows `action` on the proposal, else answers 403 or 404. */
  const onProposal = async (
    ctx: Context,
    action: 'read' | 'update',
    refusal: string,
    work: (userId: number) => Promise<void>,
  ) => {
    const access = await entityAccess(strapi, ctx, PROPOSAL, String(ctx.params.documentId), action);
    if (!access.allowed) return sendError(ctx, access.status, access.status === 404 ? NOT_FOUND : refusal);
    await work(access.userId);
  };

  const votes = (ctx: Context) =>
    onProposal(ctx, 'read', 'Votre rôle ne permet pas de lire cette proposition.', (userId) =>
      answer(ctx, async () => ({
        ...(await tallyVotes(strapi, ctx.params.documentId, userId)),
        talk: await linkedTalk(strapi, ctx.params.documentId),
      })),
    );

  const vote = async (ctx: Context) => {
    const inFavour = (ctx.request.body as { inFavour?: unknown } | undefined)?.inFavour;
    await onProposal(ctx, 'update', 'Votre rôle ne permet pas de voter sur cette proposition.', async (userId) => {
      if (typeof inFavour !== 'boolean') return sendError(ctx, 400, 'inFavour: true ou false');
      await answer(ctx, () => castVote(strapi, ctx.params.documentId, userId, inFavour));
    });
  };

  const toTalk = async (ctx: Context) => {
    if (!mayOnModel(strapi, ctx, TALK, 'create') || !mayOnModel(strapi, ctx, SPEAKER, 'create')) {
      return sendError(ctx, 403, 'Votre rôle ne permet pas de créer des talks et des speakers.');
    }
    await onProposal(ctx, 'update', 'Votre rôle ne permet pas de modifier cette proposition.', () =>
      answer(ctx, () => proposalToTalk(strapi, ctx.params.documentId), true),
    );
  };

  registerAdminRoutes(strapi, '/talk-proposals', [
    {
      method: 'GET',
      path: '/:documentId/votes',
      handler: votes,
      config: { policies: ['admin::isAuthenticatedAdmin'] },
    },
    {
      method: 'POST',
      path: '/:documentId/votes',
      handler: vote,
      config: { policies: ['admin::isAuthenticatedAdmin'] },
    },
    {
      method: 'POST',
      path: '/:documentId/talk',
      handler: toTalk,
      config: { policies: ['admin::isAuthenticatedAdmin'] },
    },
  ]);
}
