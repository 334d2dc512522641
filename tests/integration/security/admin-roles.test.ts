import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type RunningCms } from '../../helpers/cms.ts';
import { adminLogin, createAdminUser, createDraft, updateDraft } from '../../helpers/content.ts';
import { databases } from '../../helpers/postgres.ts';
import { PROPOSAL_UID, proposalForm, sendProposal, storedProposals } from '../../helpers/proposals.ts';
import { customAdminRoutes, registeredRoutes, type Route } from '../../helpers/routes.ts';

/**
 * The README's promise, route by route: an Author writes drafts and nothing else; an Editor (or a
 * Super Admin) also reads and votes on talk proposals, turns them into talks and republishes the
 * site. "Relecteur" is a role the board could make: proposals, but only those its users created
 * (Strapi's is-creator condition), which shows each route applies a role's conditions to the entry.
 */
const ROLES = ['Author', 'Editor', 'Super Admin', 'Relecteur'] as const;
type Role = (typeof ROLES)[number];

const REPUBLISH_ACTION = 'api::site-public.republish';

interface Call {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
}

interface Row {
  /** The registered route this row exercises (as Strapi lists it). */
  route: string;
  what: string;
  call: (proposal: string) => Call;
  expected: Record<Role, number>;
}

const everyoneBut = (allowed: number): Record<Role, number> => ({
  Author: 403,
  Editor: allowed,
  'Super Admin': allowed,
  Relecteur: 403,
});

/** Run in this order on each role's own accepted proposal: the conversion comes after the votes. */
const TABLE: Row[] = [
  {
    route: 'GET /talk-proposals/:documentId/votes',
    what: 'read votes',
    call: (id) => ({ method: 'GET', path: `/talk-proposals/${id}/votes` }),
    expected: everyoneBut(200),
  },
  {
    route: 'POST /talk-proposals/:documentId/votes',
    what: 'vote',
    call: (id) => ({ method: 'POST', path: `/talk-proposals/${id}/votes`, body: { inFavour: true } }),
    expected: everyoneBut(200),
  },
  {
    route: 'POST /talk-proposals/:documentId/votes',
    what: 'withdraw a vote',
    call: (id) => ({ method: 'POST', path: `/talk-proposals/${id}/votes`, body: { inFavour: false } }),
    expected: everyoneBut(200),
  },
  {
    route: 'POST /talk-proposals/:documentId/talk',
    what: 'turn into a talk',
    call: (id) => ({ method: 'POST', path: `/talk-proposals/${id}/talk`, body: {} }),
    expected: everyoneBut(201),
  },
  {
    route: 'GET /site-public/status',
    what: 'read the site’s status',
    call: () => ({ method: 'GET', path: '/site-public/status' }),
    expected: everyoneBut(200),
  },
  {
    route: 'POST /site-public/rebuild',
    what: 'republish the site',
    call: () => ({ method: 'POST', path: '/site-public/rebuild', body: {} }),
    expected: everyoneBut(202),
  },
  // The fake publisher has no refused build: an Editor's confirmation gets through to its 409.
  {
    route: 'POST /site-public/confirm-removal',
    what: 'confirm a large removal',
    call: () => ({ method: 'POST', path: '/site-public/confirm-removal', body: {} }),
    expected: everyoneBut(409),
  },
  {
    route: 'GET /site-public/entries/:uid/:documentId',
    what: 'see where an entry is live',
    call: () => ({ method: 'GET', path: '/site-public/entries/api::talk.talk/nosuchtalk00000000000000' }),
    expected: { Author: 200, Editor: 200, 'Super Admin': 200, Relecteur: 200 },
  },
  // An evening's own rights (each talk and speaker too) are tested in tests/integration/cms/evening-publish.test.ts.
  {
    route: 'POST /evenings/:documentId/publish',
    what: 'publish an evening',
    call: () => ({ method: 'POST', path: '/evenings/no-such-event/publish', body: {} }),
    expected: everyoneBut(404),
  },
  {
    route: 'POST /evenings/:documentId/unpublish',
    what: 'unpublish an evening',
    call: () => ({ method: 'POST', path: '/evenings/no-such-event/unpublish', body: {} }),
    expected: everyoneBut(404),
  },
  // "Programmer une soirée" (Editor and above): an empty plan gets past the role check to its French 400; tests/integration/cms/evenings-planner.test.ts does the rest.
  {
    route: 'POST /evenings/plan',
    what: 'programme an evening',
    call: () => ({ method: 'POST', path: '/evenings/plan', body: {} }),
    expected: everyoneBut(400),
  },
  {
    route: 'GET /evenings/plan/choices',
    what: 'list speakers and venues to programme with',
    call: () => ({ method: 'GET', path: '/evenings/plan/choices' }),
    expected: everyoneBut(200),
  },
  // Registrations' panel and door list: attendees are tested in tests/integration/cms/registrations.test.ts; here, who gets past the role check.
  {
    route: 'GET /event-registrations/events/:documentId',
    what: 'list an event’s registrations',
    call: () => ({ method: 'GET', path: '/event-registrations/events/nosuchevent0000000000000' }),
    expected: everyoneBut(404),
  },
  {
    route: 'GET /event-registrations/events/:documentId/export.csv',
    what: 'export them as CSV',
    call: () => ({ method: 'GET', path: '/event-registrations/events/nosuchevent0000000000000/export.csv' }),
    expected: everyoneBut(404),
  },
  {
    route: 'POST /event-registrations/events/:documentId',
    what: 'register someone by hand',
    call: () => ({
      method: 'POST',
      path: '/event-registrations/events/nosuchevent0000000000000',
      body: { name: 'Par Téléphone', email: 'tel@example.org' },
    }),
    expected: everyoneBut(404),
  },
  {
    route: 'POST /event-registrations/:documentId/present',
    what: 'tick someone present',
    call: () => ({
      method: 'POST',
      path: '/event-registrations/nosuchregistration000000/present',
      body: { present: true },
    }),
    expected: everyoneBut(404),
  },
];

/** The fields a Relecteur may read and write on a proposal. */
const PROPOSAL_FIELDS = [
  'title',
  'abstract',
  'format',
  'speakerName',
  'email',
  'links',
  'bio',
  'wantsMentor',
  'reviewStatus',
  'notes',
  'talk',
];
const TALK_FIELDS = ['title', 'slug', 'abstract', 'duration', 'language', 'speakers'];
const SPEAKER_FIELDS = ['name', 'slug', 'bio', 'links'];

interface FakePublisher {
  url: string;
  requests: { method: string; path: string; authorization: string }[];
  close(): Promise<void>;
}

/** Stands in for the site's publisher (a remote server to the CMS): status with details for the token, 202 to a rebuild. */
async function startFakePublisher(token: () => string): Promise<FakePublisher> {
  const requests: FakePublisher['requests'] = [];
  const server: Server = createServer((request, response) => {
    const authorization = request.headers.authorization ?? '';
    const path = new URL(request.url ?? '/', 'http://publisher.invalid').pathname;
    requests.push({ method: request.method ?? '', path, authorization });
    const authorized = authorization === `Bearer ${token()}`;
    if (request.method === 'GET' && path === '/_publisher/status') {
      response.writeHead(200, { 'content-type': 'application/json' });
      const details = authorized
        ? { lastFailure: { at: '2026-01-01T00:00:00.000Z', durationMs: 1, error: 'détail réservé' } }
        : {};
      response.end(JSON.stringify({ release: null, building: null, ...details }));
      return;
    }
    if (request.method === 'POST' && path === '/_publisher/confirm-removal') {
      response.writeHead(authorized ? 409 : 401).end();
      return;
    }
    response
      .writeHead(request.method === 'POST' && path === '/_publisher/rebuild' ? (authorized ? 202 : 401) : 404)
      .end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

let nextIp = 1;
const freshIp = () => `203.0.113.${nextIp++}`;

let listed: Promise<Route[]> | undefined;

describe.each(databases)('custom admin routes × roles, on %s', (database) => {
  let cms: RunningCms;
  let publisher: FakePublisher;
  const tokens = {} as Record<Role, string>;
  /** One accepted proposal sent through the public form per role, so each may convert its own. */
  const proposals = {} as Record<Role, string>;

  const as = (role: Role, { method, path, body }: Call) =>
    cms.fetch(path, {
      method,
      headers: { authorization: `Bearer ${tokens[role]}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  const adminApi = async (path: string, init: { method?: string; body?: unknown } = {}) => {
    const response = await cms.fetch(path, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${tokens['Super Admin']}`, 'content-type': 'application/json' },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as { data: Record<string, unknown> };
  };

  /** A role like the board would make in Settings → Roles: proposals (and creating talks), only on entries its users created. */
  const createRelecteurRole = async () => {
    const { data: role } = await adminApi('/admin/roles', {
      method: 'POST',
      body: { name: 'Relecteur', description: 'Ses propositions seulement' },
    });
    const own = (action: string, subject: string, fields: string[]) => ({
      action: `plugin::content-manager.explorer.${action}`,
      subject,
      properties: { fields },
      conditions: ['admin::is-creator'],
    });
    await adminApi(`/admin/roles/${String(role.id)}/permissions`, {
      method: 'PUT',
      body: {
        permissions: [
          ...['create', 'read', 'update'].map((action) => own(action, PROPOSAL_UID, PROPOSAL_FIELDS)),
          ...['create', 'read'].map((action) => own(action, 'api::talk.talk', TALK_FIELDS)),
          ...['create', 'read'].map((action) => own(action, 'api::speaker.speaker', SPEAKER_FIELDS)),
        ],
      },
    });
  };

  const acceptedProposal = async (title: string) => {
    expect(
      (
        await sendProposal(
          cms,
          proposalForm({ title, email: `${title.toLowerCase().replace(/\W+/g, '-')}@example.org` }),
          { clientIp: freshIp() },
        )
      ).status,
    ).toBe(201);
    const { documentId } = (await storedProposals(cms)).find((proposal) => proposal.title === title)!;
    await updateDraft(cms.url, tokens['Super Admin'], PROPOSAL_UID, documentId, { reviewStatus: 'acceptee' });
    return documentId;
  };

  beforeAll(async () => {
    let token = '';
    publisher = await startFakePublisher(() => token);
    cms = await startCms({ database, seedDemo: false, env: { CMS_TRUST_PROXY: 'true', PUBLISHER_URL: publisher.url } });
    token = cms.env.PUBLISHER_TOKEN!;
    tokens['Super Admin'] = await cms.adminToken();
    await createRelecteurRole();
    for (const role of ['Author', 'Editor', 'Relecteur'] as const) {
      const email = `${role.toLowerCase()}@clermontech.test`;
      await createAdminUser(cms.url, tokens['Super Admin'], role, email, `${role}-Passw0rd!`);
      tokens[role] = await adminLogin(cms.url, email, `${role}-Passw0rd!`);
    }
    for (const role of ROLES) proposals[role] = await acceptedProposal(`Proposition pour ${role}`);
  });

  afterAll(async () => {
    await cms?.destroy();
    await publisher?.close();
  });

  it('has a row for every custom admin route the CMS registers', async () => {
    listed ??= registeredRoutes(cms);
    const custom = customAdminRoutes(await listed).map(({ method, path }) => `${method} ${path}`);
    expect(custom.length).toBeGreaterThan(0);
    expect([...new Set(TABLE.map(({ route }) => route))].sort()).toEqual([...custom].sort());
  });

  const cases = TABLE.flatMap((row) => ROLES.map((role) => ({ ...row, role, status: row.expected[role] })));
  it.each(cases)('$route ($what) as $role → $status', async ({ call, role, status }) => {
    const rebuildsBefore = publisher.requests.filter(({ path }) => path === '/_publisher/rebuild').length;
    const response = await as(role, call(proposals[role]));
    expect(response.status, await response.clone().text()).toBe(status);
    const rebuilds = publisher.requests.filter(({ path }) => path === '/_publisher/rebuild').length - rebuildsBefore;
    if (call('').path === '/site-public/rebuild') expect(rebuilds).toBe(status === 202 ? 1 : 0);
    if (status === 403) expect(await response.text()).not.toMatch(/votes|détail réservé|reachable/);
  });

  it('gives the widget the publisher’s details, asked with the publisher token', async () => {
    const body = (await (await as('Editor', { method: 'GET', path: '/site-public/status' })).json()) as {
      reachable: boolean;
      lastFailure?: { error?: string };
    };
    expect(body).toMatchObject({ reachable: true, lastFailure: { error: 'détail réservé' } });
    const asked = publisher.requests.filter(({ path }) => path === '/_publisher/status');
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every(({ authorization }) => authorization === `Bearer ${cms.env.PUBLISHER_TOKEN}`)).toBe(true);
  });

  it('applies the role’s conditions to the entry: a Relecteur votes on and converts the proposals they created', async () => {
    const own = await createDraft(cms.url, tokens.Relecteur, PROPOSAL_UID, {
      ...proposalForm({ title: 'Ma propre proposition', wantsMentor: false, links: '' }),
      site_web: undefined,
      reviewStatus: 'acceptee',
    });
    const mine = (call: Call) => as('Relecteur', call);
    expect((await mine({ method: 'GET', path: `/talk-proposals/${own.documentId}/votes` })).status).toBe(200);
    expect(
      (await mine({ method: 'POST', path: `/talk-proposals/${own.documentId}/votes`, body: { inFavour: true } }))
        .status,
    ).toBe(200);
    expect((await mine({ method: 'POST', path: `/talk-proposals/${own.documentId}/talk`, body: {} })).status).toBe(201);
    // The same requests on a proposal someone else made stay refused (the table above), and one that doesn't exist is 404.
    expect((await mine({ method: 'GET', path: '/talk-proposals/inexistant0000000000000000/votes' })).status).toBe(404);
  });

  it('hides proposals from Authors in the content manager, and keeps them for Editors', async () => {
    const list = `/content-manager/collection-types/${PROPOSAL_UID}`;
    const one = `${list}/${proposals.Editor}`;
    expect((await as('Author', { method: 'GET', path: list })).status).toBe(403);
    expect((await as('Author', { method: 'GET', path: one })).status).toBe(403);
    expect((await as('Author', { method: 'POST', path: list, body: { title: 'Par un Author' } })).status).toBe(403);
    const permissions = (await (await as('Author', { method: 'GET', path: '/admin/users/me/permissions' })).json()) as {
      data: { action: string; subject: string | null }[];
    };
    expect(permissions.data.length).toBeGreaterThan(0);
    expect(
      permissions.data.filter(({ subject, action }) => subject === PROPOSAL_UID || action === REPUBLISH_ACTION),
    ).toEqual([]);
    // Nor what no volunteer needs: the users-permissions "User" type and the marketplace, for Editors either.
    for (const role of ['Author', 'Editor'] as const) {
      const own = (await (await as(role, { method: 'GET', path: '/admin/users/me/permissions' })).json()) as {
        data: { action: string; subject: string | null }[];
      };
      expect(
        own.data.filter(
          ({ subject, action }) => subject === 'plugin::users-permissions.user' || action === 'admin::marketplace.read',
        ),
      ).toEqual([]);
    }
    expect((await as('Editor', { method: 'GET', path: list })).status).toBe(200);
    expect((await as('Editor', { method: 'GET', path: one })).status).toBe(200);
  });

  it('takes back at the next boot what was clicked against the README: proposals or republishing for Authors, republishing from Editors', async () => {
    const roles = (await adminApi('/admin/roles')).data as unknown as { id: number; code: string }[];
    const roleId = (code: string) => roles.find((role) => role.code === code)!.id;
    const permissionsOf = async (code: string) =>
      (
        (await adminApi(`/admin/roles/${roleId(code)}/permissions`)).data as unknown as {
          action: string;
          subject: string | null;
          properties: object;
          conditions: string[];
        }[]
      ).map(({ action, subject, properties, conditions }) => ({ action, subject, properties, conditions }));
    const author = await permissionsOf('strapi-author');
    await adminApi(`/admin/roles/${roleId('strapi-author')}/permissions`, {
      method: 'PUT',
      body: {
        permissions: [
          ...author,
          {
            action: 'plugin::content-manager.explorer.read',
            subject: PROPOSAL_UID,
            properties: { fields: PROPOSAL_FIELDS },
            conditions: [],
          },
          { action: REPUBLISH_ACTION, subject: null, properties: {}, conditions: [] },
        ],
      },
    });
    const editor = await permissionsOf('strapi-editor');
    await adminApi(`/admin/roles/${roleId('strapi-editor')}/permissions`, {
      method: 'PUT',
      body: { permissions: editor.filter(({ action }) => action !== REPUBLISH_ACTION) },
    });
    expect(
      (await as('Author', { method: 'GET', path: `/content-manager/collection-types/${PROPOSAL_UID}` })).status,
    ).toBe(200);

    await cms.restart();
    tokens['Super Admin'] = await cms.adminToken();
    tokens.Author = await adminLogin(cms.url, 'author@clermontech.test', 'Author-Passw0rd!');
    tokens.Editor = await adminLogin(cms.url, 'editor@clermontech.test', 'Editor-Passw0rd!');
    expect(
      (await as('Author', { method: 'GET', path: `/content-manager/collection-types/${PROPOSAL_UID}` })).status,
    ).toBe(403);
    expect((await as('Author', { method: 'POST', path: '/site-public/rebuild', body: {} })).status).toBe(403);
    expect((await as('Editor', { method: 'POST', path: '/site-public/rebuild', body: {} })).status).toBe(202);
    // Nothing else of the Author's role moved.
    expect((await permissionsOf('strapi-author')).length).toBe(author.length);
  });
});
