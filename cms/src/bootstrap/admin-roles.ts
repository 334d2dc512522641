import type { Core } from '@strapi/strapi';
import { REPUBLISH_ACTION } from '../site-publishing/contracts';

const PROPOSAL = 'api::proposal.proposal';
/** Registrations hold attendees' names and e-mails: Editors manage them, Authors never see them. */
const REGISTRATION = 'api::registration.registration';
const REGISTRATION_ACTIONS = ['create', 'read', 'update', 'delete'].map(
  (action) => `plugin::content-manager.explorer.${action}`,
);
/**
 * What volunteers never need: the users-permissions "User" type (nobody signs up on the public
 * site; its accounts are not the admin's) and Strapi's marketplace. Off both menus of Authors and Editors.
 */
const UNNEEDED_SUBJECTS = ['plugin::users-permissions.user'];
const UNNEEDED_ACTIONS = ['admin::marketplace.read'];
const isUnneeded = ({ action, subject }: StoredPermission) =>
  (subject !== null && UNNEEDED_SUBJECTS.includes(subject)) || UNNEEDED_ACTIONS.includes(action);
const AUTHOR = 'strapi-author';
const EDITOR = 'strapi-editor';

interface StoredPermission {
  id: number;
  action: string;
  subject: string | null;
}

/**
 * Declares "Republier le site" as an admin permission. Done at register time, before the admin's
 * bootstrap gives the Super Admin role every declared action.
 */
export async function registerRepublishAction(strapi: Core.Strapi): Promise<void> {
  const { actionProvider } = strapi.service('admin::permission') as {
    actionProvider: { registerMany(actions: object[]): Promise<unknown> };
  };
  await actionProvider.registerMany([
    { section: 'settings', category: 'Site public', displayName: 'Republier le site', uid: 'site-public.republish' },
  ]);
}

async function roleId(strapi: Core.Strapi, code: string): Promise<number | undefined> {
  const role = (await strapi.db.query('admin::role').findOne({ where: { code }, select: ['id'] })) as {
    id: number;
  } | null;
  return role?.id;
}

const permissionsOf = async (strapi: Core.Strapi, id: number) =>
  (await strapi.db
    .query('admin::permission')
    .findMany({ where: { role: { id } }, select: ['id', 'action', 'subject'] })) as StoredPermission[];

/**
 * Makes the built-in roles mean what the README tells volunteers, whatever was clicked in the admin
 * since the last boot: an Author never sees talk proposals (they hold speakers' e-mail addresses and
 * the members' discussion) nor registrations (attendees' names and e-mails), nor republishes the
 * site; an Editor may republish and manage registrations; neither sees the users-permissions "User"
 * type nor the marketplace. Roles the board
 * creates are left as they made them.
 */
export async function alignAdminRoles(strapi: Core.Strapi): Promise<void> {
  const permissions = strapi.service('admin::permission') as { deleteByIds(ids: number[]): Promise<void> };
  const author = await roleId(strapi, AUTHOR);
  if (author !== undefined) {
    const forbidden = (await permissionsOf(strapi, author)).filter(
      (permission) =>
        permission.subject === PROPOSAL ||
        permission.subject === REGISTRATION ||
        permission.action === REPUBLISH_ACTION ||
        isUnneeded(permission),
    );
    if (forbidden.length > 0) await permissions.deleteByIds(forbidden.map(({ id }) => id));
  }
  const editor = await roleId(strapi, EDITOR);
  if (editor === undefined) return;
  const editorHas = await permissionsOf(strapi, editor);
  const unneeded = editorHas.filter(isUnneeded);
  if (unneeded.length > 0) await permissions.deleteByIds(unneeded.map(({ id }) => id));
  const roles = strapi.service('admin::role') as {
    addPermissions(roleId: number, permissions: object[]): Promise<unknown>;
  };
  if (!editorHas.some(({ action }) => action === REPUBLISH_ACTION)) {
    await roles.addPermissions(editor, [{ action: REPUBLISH_ACTION, subject: null, properties: {}, conditions: [] }]);
  }
  // Installations older than registrations: the Editor role was made before the type existed.
  const fields = Object.keys(strapi.contentType(REGISTRATION).attributes).filter(
    (name) =>
      !['createdAt', 'updatedAt', 'createdBy', 'updatedBy', 'publishedAt', 'locale', 'localizations'].includes(name),
  );
  const missing = REGISTRATION_ACTIONS.filter(
    (wanted) => !editorHas.some(({ action, subject }) => action === wanted && subject === REGISTRATION),
  );
  if (missing.length > 0) {
    await roles.addPermissions(
      editor,
      missing.map((action) => ({
        action,
        subject: REGISTRATION,
        properties: action.endsWith('.delete') ? {} : { fields },
        conditions: [],
      })),
    );
  }
}
