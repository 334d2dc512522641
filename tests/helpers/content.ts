import { CONTENT_TYPES, PUBLIC_CONTENT_TYPES, type PublicContentType } from '@clermontech/config';

/** How many entries of each type the demo content publishes (cms/src/demo/content.ts); none for a type it leaves empty. */
const DEMO_COUNTS: Partial<Record<PublicContentType, number>> = {
  events: 7,
  talks: 5,
  speakers: 5,
  venues: 3,
  posts: 3,
  sponsors: 5,
  groups: 2,
  members: 7,
  pages: 4,
};

/** The public collection types of the contract: singular Strapi name, REST path, and the number of entries the demo publishes. */
export const DEMO_COLLECTIONS = PUBLIC_CONTENT_TYPES.filter((path) => !CONTENT_TYPES[path].single).map((path) => ({
  type: CONTENT_TYPES[path].uid.split('.')[1]!,
  path,
  demoCount: DEMO_COUNTS[path] ?? 0,
}));

export interface ListResponse<T = Record<string, unknown>> {
  data: (T & { id: number; documentId: string })[];
  meta: { pagination: { page: number; pageSize: number; pageCount: number; total: number } };
}

/** Creates a draft through the admin's content-manager API, as a volunteer clicking Save does. */
export async function createDraft(
  cmsUrl: string,
  adminToken: string,
  uid: string,
  data: Record<string, unknown>,
): Promise<{ documentId: string } & Record<string, unknown>> {
  const response = await fetch(`${cmsUrl}/content-manager/collection-types/${uid}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(data),
  });
  if (!response.ok) throw new Error(`createDraft ${uid}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { data: { documentId: string } }).data;
}

/** Saves new values on a document's draft (without publishing). */
export async function updateDraft(
  cmsUrl: string,
  adminToken: string,
  uid: string,
  documentId: string,
  data: Record<string, unknown>,
) {
  const response = await fetch(`${cmsUrl}/content-manager/collection-types/${uid}/${documentId}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(data),
  });
  if (!response.ok) throw new Error(`updateDraft ${uid}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { data: Record<string, unknown> }).data;
}

/** Saves new values and publishes them, as a volunteer clicking Publish does. */
export async function publishChange(
  cmsUrl: string,
  adminToken: string,
  uid: string,
  documentId: string,
  data: Record<string, unknown>,
) {
  const response = await fetch(`${cmsUrl}/content-manager/collection-types/${uid}/${documentId}/actions/publish`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(data),
  });
  if (!response.ok) throw new Error(`publish ${uid}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { data: Record<string, unknown> }).data;
}

/** The published entry of a collection with this slug, through the public API. */
export async function findBySlug(
  cmsUrl: string,
  path: string,
  slug: string,
): Promise<{ documentId: string } & Record<string, unknown>> {
  const response = await fetch(`${cmsUrl}/api/${path}?filters[slug][$eq]=${encodeURIComponent(slug)}`);
  const body = (await response.json()) as ListResponse;
  const entry = body.data[0];
  if (!entry) throw new Error(`no published ${path} with slug ${slug}`);
  return entry;
}

/**
 * Creates an active admin user with the role of that name ('Editor', 'Author' or one the board made), as a
 * super admin inviting a volunteer who then sets their password.
 */
export async function createAdminUser(
  cmsUrl: string,
  superAdminToken: string,
  role: string,
  email: string,
  password: string,
) {
  const headers = { authorization: `Bearer ${superAdminToken}`, 'content-type': 'application/json' };
  const roles = (await (await fetch(`${cmsUrl}/admin/roles`, { headers })).json()) as {
    data: { id: number; name: string }[];
  };
  const roleId = roles.data.find((candidate) => candidate.name === role)?.id;
  if (!roleId) throw new Error(`no admin role named ${role}`);
  const invited = await fetch(`${cmsUrl}/admin/users`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ firstname: role, lastname: 'Bénévole', email, roles: [roleId] }),
  });
  if (!invited.ok) throw new Error(`invite ${email}: ${invited.status} ${await invited.text()}`);
  const { data } = (await invited.json()) as { data: { registrationToken: string } };
  const registered = await fetch(`${cmsUrl}/admin/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      registrationToken: data.registrationToken,
      userInfo: { firstname: role, lastname: 'Bénévole', password },
    }),
  });
  if (!registered.ok) throw new Error(`register ${email}: ${registered.status} ${await registered.text()}`);
}

/** A JWT for the admin API, logged in as any admin user (a volunteer's Author or Editor account). */
export async function adminLogin(cmsUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${cmsUrl}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`admin login ${email}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { data: { token: string } }).data.token;
}

/** The preview URL the admin's "Open preview" button opens for a document's draft, or undefined when there is none. */
export async function previewUrl(
  cmsUrl: string,
  adminToken: string,
  uid: string,
  documentId: string,
): Promise<string | undefined> {
  const response = await fetch(`${cmsUrl}/content-manager/preview/url/${uid}?documentId=${documentId}&status=draft`, {
    headers: { authorization: `Bearer ${adminToken}` },
  });
  if (response.status === 204) return undefined;
  if (!response.ok) throw new Error(`preview url ${uid}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { data: { url?: string } }).data.url;
}
