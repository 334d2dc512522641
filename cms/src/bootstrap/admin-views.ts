import type { Core, UID } from '@strapi/strapi';
import { adminViews } from './admin-views.data';

interface StoredConfiguration {
  settings: Record<string, unknown>;
  metadatas: Record<string, { edit: Record<string, unknown>; list: Record<string, unknown> }>;
  layouts: { list: string[]; edit: unknown[] };
}

/**
 * Writes the volunteer-friendly admin configuration at every boot. Only the settings named in
 * admin-views.data.ts are overwritten; a volunteer's other layout tweaks (field sizes, order) stay.
 */
export async function configureAdminViews(strapi: Core.Strapi): Promise<void> {
  const contentTypes = strapi.plugin('content-manager').service('content-types');
  for (const [uid, view] of Object.entries(adminViews)) {
    const schema = strapi.contentType(uid as UID.ContentType);
    const current = (await contentTypes.findConfiguration(schema)) as StoredConfiguration;
    const metadatas = { ...current.metadatas };
    for (const [field, { label, hint, editable, visible }] of Object.entries(view.fields)) {
      const existing = metadatas[field];
      if (!existing) throw new Error(`admin-views: ${uid} has no field "${field}"`);
      metadatas[field] = {
        edit: {
          ...existing.edit,
          label,
          description: hint ?? '',
          ...(editable === undefined ? {} : { editable }),
          ...(visible === undefined ? {} : { visible }),
        },
        list: { ...existing.list, label },
      };
    }
    for (const [field, attribute] of Object.entries(schema.attributes)) {
      const target = 'target' in attribute ? (attribute.target as string) : undefined;
      const targetView = target ? adminViews[target] : undefined;
      if (targetView && metadatas[field]) {
        metadatas[field] = { ...metadatas[field], edit: { ...metadatas[field].edit, mainField: targetView.mainField } };
      }
    }
    await contentTypes.updateConfiguration(schema, {
      settings: {
        ...current.settings,
        mainField: view.mainField,
        defaultSortBy: view.sortBy,
        defaultSortOrder: view.sortOrder,
      },
      metadatas,
      layouts: { ...current.layouts, list: view.list },
    });
  }
}
