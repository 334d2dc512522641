import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_CONTENT_TYPES } from '@clermontech/config';
import { startCms, type RunningCms } from '../../helpers/cms.ts';
import { createDraft, findBySlug, publishChange, updateDraft, type ListResponse } from '../../helpers/content.ts';
import { PATH_SPELLINGS } from '../../helpers/path-spellings.ts';
import { databases } from '../../helpers/postgres.ts';
import { tinyPng } from '../../helpers/uploads.ts';
import { memberRequest, PROPOSAL_UID, proposalForm, sendProposal, storedProposals } from '../../helpers/proposals.ts';

/** Every draft value seeded below contains this word (any case); no public answer may. */
const MARKER = 'zdraftleak';

/** The public types of the README's "Public API", by REST path. */
const PUBLIC_PATHS: string[] = PUBLIC_CONTENT_TYPES;

/** Ways of asking for drafts: Strapi 5's `status` in several shapes, Strapi 4's `publicationState`, 5.54's `publicationFilter`. */
const STATUS_QUERIES = [
  '',
  'status=draft',
  'status=DRAFT',
  'status[]=draft',
  'status=draft&status=published',
  'publicationState=preview',
  'publicationFilter=never-published',
];

type Caller = 'anonymous' | 'site token';
const CALLERS: Caller[] = ['anonymous', 'site token'];

/** What is asked: a list or one document, with the query the target always carries (deep populates). */
interface Target {
  label: string;
  type: string;
  documentId?: string;
  query?: string;
}

interface Probe {
  target: Target;
  spelling: (typeof PATH_SPELLINGS)[number];
  status: string;
  caller: Caller;
}

/**
 * A bounded, deterministic sample of targets × spellings × status queries × callers that still holds
 * every pair: each target is asked in every spelling (status and caller rotating), and with every
 * status query by both callers (spelling rotating).
 */
function probesFor(targets: Target[]): Probe[] {
  const probes: Probe[] = [];
  targets.forEach((target, t) => {
    PATH_SPELLINGS.forEach((spelling, s) => {
      probes.push({
        target,
        spelling,
        status: STATUS_QUERIES[(s + t) % STATUS_QUERIES.length]!,
        caller: CALLERS[(s + t) % CALLERS.length]!,
      });
    });
    STATUS_QUERIES.forEach((status, q) => {
      for (const caller of CALLERS)
        probes.push({ target, spelling: PATH_SPELLINGS[(q + t) % PATH_SPELLINGS.length]!, status, caller });
    });
  });
  return probes;
}

function urlOf({ target, spelling, status }: Probe): string {
  const path = spelling.spell(['api', target.type], target.documentId ? [target.documentId] : []);
  const query = [target.query ?? '', status].filter(Boolean).join('&');
  return query ? `${path}?${query}` : path;
}

/** Runs `work` over `items`, `width` at a time. */
async function inBatches<T>(items: T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += width)
    await Promise.all(items.slice(start, start + width).map(work));
}

describe.each(databases)('drafts stay private however the content-API path is spelt (%s)', (database) => {
  let cms: RunningCms;
  const targets: Target[] = [];

  /** Seeds a never-published draft of every public type, a pending edit, and a proposal turned into a draft talk and speaker. */
  async function seedDrafts(): Promise<void> {
    const admin = await cms.adminToken();
    const draft = async (type: string, uid: string, data: Record<string, unknown>) => {
      const created = await createDraft(cms.url, admin, uid, data);
      targets.push({ label: `draft ${type}`, type, documentId: created.documentId });
      return created;
    };
    const venues = (await (await cms.fetch('/api/venues')).json()) as ListResponse;
    const venue = venues.data[0]!;
    // One image used by a published event and by drafts: a file lists every entry that uses it.
    const form = new FormData();
    form.append('files', new Blob([new Uint8Array(tinyPng())], { type: 'image/png' }), 'couverture.png');
    const uploaded = await cms.fetch('/upload', {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}` },
      body: form,
    });
    if (uploaded.status !== 201) throw new Error(`upload: ${uploaded.status} ${await uploaded.text()}`);
    const cover = ((await uploaded.json()) as { id: number }[])[0]!.id;
    const published = await findBySlug(cms.url, 'events', 'api-hour-73');
    await publishChange(cms.url, admin, 'api::event.event', published.documentId, { cover });
    await draft('events', 'api::event.event', {
      title: `${MARKER} soirée`,
      slug: `${MARKER}-soiree`,
      kind: 'other',
      startsAt: '2030-01-01T18:00:00.000Z',
      summary: `${MARKER} résumé`,
      cover,
      venue: { connect: [{ documentId: venue.documentId }] },
    });
    await draft('talks', 'api::talk.talk', {
      title: `${MARKER} talk`,
      slug: `${MARKER}-talk`,
      abstract: `${MARKER} résumé`,
    });
    const speaker = await draft('speakers', 'api::speaker.speaker', {
      name: `${MARKER} Oratrice`,
      slug: `${MARKER}-oratrice`,
      bio: `${MARKER} bio`,
    });
    await draft('venues', 'api::venue.venue', {
      name: `${MARKER} salle`,
      slug: `${MARKER}-salle`,
      city: `${MARKER}ville`,
    });
    await draft('posts', 'api::post.post', {
      title: `${MARKER} billet`,
      slug: `${MARKER}-billet`,
      date: '2030-01-01',
      body: `${MARKER} texte`,
      cover,
    });
    await draft('sponsors', 'api::sponsor.sponsor', {
      name: `${MARKER} mécène`,
      slug: `${MARKER}-mecene`,
      url: `https://${MARKER}.example`,
    });
    await draft('groups', 'api::group.group', {
      name: `${MARKER} groupe`,
      slug: `${MARKER}-groupe`,
      technology: MARKER,
    });
    await draft('members', 'api::member.member', { name: `${MARKER} Membre`, role: 'board-member' });
    await draft('pages', 'api::page.page', {
      title: `${MARKER} page`,
      slug: `${MARKER}-page`,
      body: `${MARKER} corps`,
    });

    // A published talk whose only speaker is still a draft: the published version must not bring it along.
    const talk = await createDraft(cms.url, admin, 'api::talk.talk', {
      title: 'Talk publié, oratrice en brouillon',
      slug: 'talk-publie-oratrice-en-brouillon',
      speakers: { connect: [{ documentId: speaker.documentId }] },
    });
    await publishChange(cms.url, admin, 'api::talk.talk', talk.documentId, {});

    // A published post with newer, unpublished changes.
    const post = await findBySlug(cms.url, 'posts', 'bienvenue-sur-le-nouveau-site');
    await updateDraft(cms.url, admin, 'api::post.post', post.documentId, {
      title: `${MARKER} titre pas encore publié`,
    });
    targets.push({ label: 'published post with a pending edit', type: 'posts', documentId: post.documentId });

    // A proposal turned into a draft talk and speaker, as members do from the admin.
    const sent = await sendProposal(
      cms,
      proposalForm({
        title: `${MARKER} : un talk proposé`,
        speakerName: `${MARKER} Proposant`,
        bio: `${MARKER} bio proposée`,
      }),
    );
    if (sent.status !== 201) throw new Error(`proposal: ${sent.status} ${await sent.text()}`);
    const proposal = (await storedProposals(cms)).find((stored) => stored.title.startsWith(MARKER))!;
    await updateDraft(cms.url, admin, PROPOSAL_UID, proposal.documentId, { reviewStatus: 'acceptee' });
    const converted = await memberRequest(cms, admin, `/${proposal.documentId}/talk`, {});
    if (converted.status !== 201) throw new Error(`proposal to talk: ${converted.status} ${await converted.text()}`);
    const made = (await converted.json()) as { documentId: string; speaker: { documentId: string } };
    targets.push({ label: 'talk made from a proposal', type: 'talks', documentId: made.documentId });
    targets.push({ label: 'speaker made from a proposal', type: 'speakers', documentId: made.speaker.documentId });

    for (const type of PUBLIC_PATHS)
      targets.push({ label: `${type} list`, type, query: type === 'global' ? '' : 'pagination[pageSize]=100' });
    targets.push(
      {
        label: 'events with talks and speakers',
        type: 'events',
        query: 'populate[talks][populate][speakers]=true&populate[venue]=true&pagination[pageSize]=100',
      },
      {
        label: 'speakers with talks and events',
        type: 'speakers',
        query: 'populate[talks][populate][event]=true&pagination[pageSize]=100',
      },
      { label: 'talks with speakers and event', type: 'talks', query: 'populate=*&pagination[pageSize]=100' },
      { label: 'venues with events', type: 'venues', query: 'populate[events]=true&pagination[pageSize]=100' },
      {
        label: 'events with the entries using their cover',
        type: 'events',
        query: 'populate[cover][populate][related]=true&pagination[pageSize]=100',
      },
      {
        label: 'events with everything about their cover',
        type: 'events',
        query: 'populate[cover][populate]=*&pagination[pageSize]=100',
      },
      {
        label: 'events with the posts using their cover',
        type: 'events',
        query: 'populate[cover][populate][related][on][api::post.post]=true&pagination[pageSize]=100',
      },
    );
  }

  beforeAll(async () => {
    cms = await startCms({ database });
    await seedDrafts();
  });
  afterAll(async () => {
    await cms?.destroy();
  });

  const headersFor = (caller: Caller): Record<string, string> =>
    caller === 'site token' ? { authorization: `Bearer ${cms.env.CMS_TOKEN}` } : {};

  it('serves the public API under other spellings too (what makes the next test meaningful)', async () => {
    const response = await cms.fetch('/API/events');
    expect(response.status).toBe(200);
    expect(((await response.json()) as ListResponse).data.length).toBeGreaterThan(0);
  });

  it('never puts a draft value in any answer, anonymous or with the site token', async () => {
    const probes = probesFor(targets);
    const leaks: string[] = [];
    await inBatches(probes, 6, async (probe) => {
      const url = urlOf(probe);
      const response = await cms.fetch(url, { headers: headersFor(probe.caller) });
      const body = await response.text();
      if (body.toLowerCase().includes(MARKER))
        leaks.push(`${probe.caller} GET ${url} (${probe.target.label}, ${probe.spelling.name}) → ${response.status}`);
    });
    expect(probes.length).toBeGreaterThan(400);
    expect(
      leaks,
      `${leaks.length} of ${probes.length} answers held a draft, e.g.:\n${leaks.slice(0, 10).join('\n')}`,
    ).toEqual([]);
  });

  it.each(PATH_SPELLINGS.map((spelling) => [spelling.name, spelling] as const))(
    'refuses a status other than published, spelt %s',
    async (_name, spelling) => {
      const path = spelling.spell(['api', 'events'], []);
      const served = (await cms.fetch(path)).status === 200;
      const response = await cms.fetch(`${path}?status=draft`);
      const body = await response.text();
      // A spelling the CMS serves gets the published-only refusal; the others are not served at all.
      if (served) expect(body).toContain('Only published content is public: remove the status parameter');
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(body.toLowerCase()).not.toContain(MARKER);
    },
  );
});
