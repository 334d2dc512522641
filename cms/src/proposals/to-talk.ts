import type { Core, UID } from '@strapi/strapi';
import { nameKey, slugify } from '@clermontech/config';
import { ProposalNotFound } from './votes';

const PROPOSAL = 'api::proposal.proposal';
const TALK = 'api::talk.talk';
const SPEAKER = 'api::speaker.speaker';

/** The talk's planned length, from the format the speaker chose. */
const DURATION_BY_FORMAT: Record<string, number> = { court: 15, long: 30, atelier: 120 };

export class ProposalNotReady extends Error {
  override name = 'ProposalNotReady';
}

export interface CreatedTalk {
  documentId: string;
  title: string;
  speaker: { documentId: string; name: string; reused: boolean };
}

interface StoredProposal {
  documentId: string;
  title: string;
  abstract: string;
  format: string;
  speakerName: string;
  bio?: string | null;
  links?: string | null;
  reviewStatus: string;
  talk?: { documentId: string; title: string } | null;
}

/** A slug no document of the type uses yet: the title's, else with -2, -3… */
async function freeSlug(strapi: Core.Strapi, uid: UID.ContentType, text: string): Promise<string> {
  const base = slugify(text) || 'sans-titre';
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await strapi.db.query(uid).findOne({ where: { slug: candidate }, select: ['id'] }))) return candidate;
  }
  throw new Error(`no free slug for "${base}"`);
}

const linkLabel = (url: string) => new URL(url).hostname.replace(/^www\./, '');

/**
 * The speaker page for the proposal's author: an existing one with the same name (accents and case
 * aside: "Noël Martin" is "noel martin"), else a new draft with the proposal's bio and links.
 */
async function findOrCreateSpeaker(strapi: Core.Strapi, proposal: StoredProposal): Promise<CreatedTalk['speaker']> {
  const key = nameKey(proposal.speakerName);
  const candidates = (await strapi.db.query(SPEAKER).findMany({
    where: { $or: [{ slug: key }, { name: { $eqi: proposal.speakerName } }, { slug: { $startsWith: `${key}-` } }] },
    select: ['documentId', 'name'],
  })) as { documentId: string; name: string }[];
  const existing = candidates.find((candidate) => nameKey(candidate.name) === key);
  if (existing) return { documentId: existing.documentId, name: existing.name, reused: true };

  const links = (proposal.links ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((url) => ({ label: linkLabel(url), url }));
  const speaker = await strapi.documents(SPEAKER).create({
    data: {
      name: proposal.speakerName,
      slug: await freeSlug(strapi, SPEAKER, proposal.speakerName),
      bio: proposal.bio ?? undefined,
      links,
    },
  });
  return { documentId: speaker.documentId, name: proposal.speakerName, reused: false };
}

/** The talk a proposal became, if it did. */
export async function linkedTalk(
  strapi: Core.Strapi,
  documentId: string,
): Promise<{ documentId: string; title: string } | null> {
  const proposal = (await strapi
    .documents(PROPOSAL)
    .findOne({ documentId, populate: { talk: { fields: ['title'] } } })) as StoredProposal | null;
  if (!proposal) throw new ProposalNotFound(documentId);
  return proposal.talk ? { documentId: proposal.talk.documentId, title: proposal.talk.title } : null;
}

/**
 * Turns an accepted proposal into a draft Talk (and its Speaker) in one transaction, and links the
 * proposal to it. Nothing is published: a member places the talk in an event and publishes it.
 */
export async function proposalToTalk(strapi: Core.Strapi, documentId: string): Promise<CreatedTalk> {
  return strapi.db.transaction(async () => {
    const proposal = (await strapi
      .documents(PROPOSAL)
      .findOne({ documentId, populate: { talk: { fields: ['title'] } } })) as StoredProposal | null;
    if (!proposal) throw new ProposalNotFound(documentId);
    if (proposal.talk)
      throw new ProposalNotReady(`Cette proposition est déjà devenue le talk « ${proposal.talk.title} ».`);
    if (proposal.reviewStatus !== 'acceptee')
      throw new ProposalNotReady(
        'Seule une proposition acceptée peut devenir un talk : passez d’abord son statut à « acceptee » et enregistrez.',
      );

    const speaker = await findOrCreateSpeaker(strapi, proposal);
    const talk = await strapi.documents(TALK).create({
      data: {
        title: proposal.title,
        slug: await freeSlug(strapi, TALK, proposal.title),
        abstract: proposal.abstract,
        duration: DURATION_BY_FORMAT[proposal.format],
        language: 'fr',
        speakers: [speaker.documentId],
      },
    });
    // Without generated types, Strapi doesn't know the proposal's relations: the shape is checked at run time.
    await strapi.documents(PROPOSAL).update({ documentId, data: { talk: talk.documentId } as never });
    return { documentId: talk.documentId, title: proposal.title, speaker };
  });
}
