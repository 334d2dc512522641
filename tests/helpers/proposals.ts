import { CONTENT_TYPES } from '@clermontech/config';
import type { RunningCms } from './cms.ts';

export const PROPOSAL_UID = CONTENT_TYPES.proposals.uid;

/** A proposal as the site's form sends it, valid unless `changes` break it. */
export function proposalForm(changes: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Des tests qui démarrent le vrai CMS',
    abstract:
      'Pourquoi nos tests d’intégration démarrent Strapi sur une base jetable plutôt que de simuler son API, et comment ils restent rapides.',
    format: 'court',
    speakerName: 'Camille Testeuse',
    email: 'camille@example.org',
    links: 'https://example.org/camille\nhttps://mastodon.example/@camille',
    bio: 'Développeuse à Clermont-Ferrand.',
    wantsMentor: 'on',
    site_web: '',
    ...changes,
  };
}

/** Posts a proposal to the public API, as the form's script does (JSON) or as a plain form does. */
export function sendProposal(
  cms: RunningCms,
  body: Record<string, unknown>,
  { as = 'json', clientIp }: { as?: 'json' | 'form'; clientIp?: string } = {},
): Promise<Response> {
  const headers: Record<string, string> = clientIp ? { 'x-forwarded-for': clientIp } : {};
  if (as === 'json') {
    headers['content-type'] = 'application/json';
    headers.accept = 'application/json';
  } else {
    headers['content-type'] = 'application/x-www-form-urlencoded';
  }
  const payload =
    as === 'json'
      ? JSON.stringify(body)
      : new URLSearchParams(
          Object.entries(body).flatMap(([name, value]) => (value === undefined ? [] : [[name, String(value)]])),
        ).toString();
  return cms.fetch('/api/proposals', { method: 'POST', headers, body: payload, redirect: 'manual' });
}

export interface StoredProposal {
  documentId: string;
  title: string;
  speakerName: string;
  email: string;
  reviewStatus: string;
  votes: number;
  wantsMentor: boolean;
  links: string | null;
  talk?: { documentId: string } | null;
}

/** Every stored proposal, as members see them in the admin (content-manager API). */
export async function storedProposals(cms: RunningCms): Promise<StoredProposal[]> {
  const response = await cms.fetch(
    `/content-manager/collection-types/${PROPOSAL_UID}?page=1&pageSize=100&sort=createdAt:ASC`,
    {
      headers: { authorization: `Bearer ${await cms.adminToken()}` },
    },
  );
  if (!response.ok) throw new Error(`listing proposals: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { results: StoredProposal[] }).results;
}

/** An admin route of the proposals' side panel, as a given admin user. */
export function memberRequest(cms: RunningCms, token: string, path: string, body?: unknown): Promise<Response> {
  return cms.fetch(`/talk-proposals${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}
