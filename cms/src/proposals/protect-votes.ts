import type { Core } from '@strapi/strapi';

const PROPOSAL = 'api::proposal.proposal';

/**
 * Votes change only through the vote route (votes.ts), one member at a time. The edit form still
 * sends the counts it loaded: saving a proposal opened before a colleague voted would otherwise
 * write the old count back and erase that vote.
 */
export function protectVotes(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (context.uid === PROPOSAL && (context.action === 'create' || context.action === 'update')) {
      const params = context.params as { data?: Record<string, unknown> };
      if (params.data) {
        delete params.data.votes;
        delete params.data.voters;
      }
    }
    return next();
  });
}
