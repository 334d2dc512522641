import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type RunningCms } from '../../helpers/cms.ts';
import { DEMO_COLLECTIONS, type ListResponse } from '../../helpers/content.ts';

/** documentIds of every public entry, per collection: what a second boot must leave untouched. */
async function snapshot(cms: RunningCms): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  for (const { path } of DEMO_COLLECTIONS) {
    const body = (await (await cms.fetch(`/api/${path}?pagination[pageSize]=100`)).json()) as ListResponse;
    result[path] = body.data.map((entry) => entry.documentId).sort();
  }
  return result;
}

async function adminGet<T>(cms: RunningCms, path: string): Promise<T> {
  const response = await cms.fetch(path, { headers: { authorization: `Bearer ${await cms.adminToken()}` } });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return (await response.json()) as T;
}

interface RoleDetails {
  role: {
    id: number;
    permissions: Record<string, { controllers: Record<string, Record<string, { enabled: boolean }>> }>;
  };
}

/** The actions the public role has, as the admin's Users & Permissions screen shows them. */
async function publicActions(cms: RunningCms): Promise<string[]> {
  const { roles } = await adminGet<{ roles: { id: number; type: string }[] }>(cms, '/users-permissions/roles');
  const publicRole = roles.find((role) => role.type === 'public')!;
  const { role } = await adminGet<RoleDetails>(cms, `/users-permissions/roles/${publicRole.id}`);
  const actions: string[] = [];
  for (const [plugin, { controllers }] of Object.entries(role.permissions)) {
    for (const [controller, controllerActions] of Object.entries(controllers)) {
      for (const [action, { enabled }] of Object.entries(controllerActions))
        if (enabled) actions.push(`${plugin}.${controller}.${action}`);
    }
  }
  return actions.sort();
}

describe('bootstrap', () => {
  let cms: RunningCms;

  beforeAll(async () => {
    cms = await startCms();
  });
  afterAll(async () => {
    await cms?.destroy();
  });

  it('grants the public role find and findOne on the content types, sending a talk proposal, and nothing else', async () => {
    const actions = await publicActions(cms);
    const expected = [
      ...DEMO_COLLECTIONS.flatMap(({ type }) => [`api::${type}.${type}.find`, `api::${type}.${type}.findOne`]),
      'api::global.global.find',
      'api::proposal.proposal.create',
    ].sort();
    expect(actions).toEqual(expected);
  });

  it('sets the admin up for volunteers: French labels, identifying columns, newest events first', async () => {
    const { data } = await adminGet<{
      data: {
        contentType: {
          settings: Record<string, string>;
          layouts: { list: string[] };
          metadatas: Record<string, { edit: { label: string; description: string } }>;
        };
      };
    }>(cms, '/content-manager/content-types/api::event.event/configuration');
    const { settings, layouts, metadatas } = data.contentType;
    expect(layouts.list).toEqual(['number', 'title', 'startsAt', 'kind', 'venue']);
    expect(settings).toMatchObject({ mainField: 'title', defaultSortBy: 'startsAt', defaultSortOrder: 'DESC' });
    expect(metadatas.startsAt?.edit.label).toBe('Début');
    expect(metadatas.startsAt?.edit.description).toContain('heure de Paris');

    const talks = await adminGet<{
      data: { contentType: { settings: { mainField: string }; layouts: { list: string[] } } };
    }>(cms, '/content-manager/content-types/api::talk.talk/configuration');
    expect(talks.data.contentType.layouts.list).toEqual(['title', 'speakers', 'event', 'position']);
    const speakers = await adminGet<{ data: { contentType: { settings: { mainField: string } } } }>(
      cms,
      '/content-manager/content-types/api::speaker.speaker/configuration',
    );
    expect(speakers.data.contentType.settings.mainField).toBe('name');
  });

  it('is idempotent: a second boot adds no entry, no admin, and restores the permissions', async () => {
    const before = await snapshot(cms);
    const adminsBefore = await adminGet<{ data: { pagination: { total: number } } }>(cms, '/admin/users');

    // A volunteer opens a door by mistake in the admin: public may now create events.
    const { roles } = await adminGet<{ roles: { id: number; type: string }[] }>(cms, '/users-permissions/roles');
    const publicRole = roles.find((role) => role.type === 'public')!;
    const { role } = await adminGet<RoleDetails>(cms, `/users-permissions/roles/${publicRole.id}`);
    role.permissions['api::event']!.controllers.event!.create = { enabled: true };
    const update = await cms.fetch(`/users-permissions/roles/${publicRole.id}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${await cms.adminToken()}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Public', description: 'public', permissions: role.permissions }),
    });
    expect(update.status).toBe(200);
    expect(await publicActions(cms)).toContain('api::event.event.create');

    await cms.restart();

    expect(await snapshot(cms)).toEqual(before);
    const adminsAfter = await adminGet<{ data: { pagination: { total: number } } }>(cms, '/admin/users');
    expect(adminsAfter.data.pagination.total).toBe(adminsBefore.data.pagination.total);
    expect(adminsAfter.data.pagination.total).toBe(1);
    expect(await publicActions(cms)).not.toContain('api::event.event.create');
    const anonymousCreate = await cms.fetch('/api/events', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ data: { title: 'x' } }),
    });
    expect(anonymousCreate.status).toBe(403);
  });
});

describe('bootstrap without demo content', () => {
  let cms: RunningCms;
  beforeAll(async () => {
    cms = await startCms({ seedDemo: false });
  });
  afterAll(async () => {
    await cms?.destroy();
  });

  it('starts empty when SEED_DEMO=false', async () => {
    const body = (await (await cms.fetch('/api/events')).json()) as ListResponse;
    expect(body.data).toHaveLength(0);
  });
});
