import type { Core } from '@strapi/strapi';

export interface VoteTally {
  votes: number;
  /** Whether the admin user asking has voted. */
  mine: boolean;
}

export class ProposalNotFound extends Error {
  override name = 'ProposalNotFound';
}

/** The stored voters list: JSON text on SQLite, already parsed on PostgreSQL; anything else is no vote. */
function voterIds(stored: unknown): number[] {
  const parsed = typeof stored === 'string' ? (JSON.parse(stored) as unknown) : stored;
  return Array.isArray(parsed) ? parsed.filter((id): id is number => Number.isInteger(id)) : [];
}

/** How many members voted for a proposal, and whether this one did. */
export async function tallyVotes(strapi: Core.Strapi, documentId: string, userId: number): Promise<VoteTally> {
  const row: { voters: unknown } | undefined = await strapi.db
    .connection('proposals')
    .where('document_id', documentId)
    .first('voters');
  if (!row) throw new ProposalNotFound(documentId);
  const voters = voterIds(row.voters);
  return { votes: voters.length, mine: voters.includes(userId) };
}

/**
 * Records (or withdraws) one admin user's vote. A member is in the voters list at most once, so
 * clicking twice counts once; the row is locked while it changes, so two members voting at the same
 * moment both count (SQLite writes one transaction at a time anyway).
 */
export async function castVote(
  strapi: Core.Strapi,
  documentId: string,
  userId: number,
  inFavour: boolean,
): Promise<VoteTally> {
  return strapi.db.transaction(async ({ trx }) => {
    let query = trx('proposals').where('document_id', documentId);
    if (strapi.db.dialect.client === 'postgres') query = query.forUpdate();
    const row = (await query.first('id', 'voters')) as { id: number; voters: unknown } | undefined;
    if (!row) throw new ProposalNotFound(documentId);
    const voters = new Set(voterIds(row.voters));
    if (inFavour) voters.add(userId);
    else voters.delete(userId);
    const list = [...voters].sort((a, b) => a - b);
    await trx('proposals')
      .where('id', row.id)
      .update({ voters: JSON.stringify(list), votes: list.length });
    return { votes: list.length, mine: inFavour };
  });
}
