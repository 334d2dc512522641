import type { Core } from '@strapi/strapi';

/**
 * Every new admin user (an invited volunteer included) starts with the admin in French; each can
 * switch language in their profile. Strapi's default would be English.
 */
export function defaultAdminLanguageToFrench(strapi: Core.Strapi): void {
  strapi.db.lifecycles.subscribe({
    models: ['admin::user'],
    beforeCreate(event) {
      const data = event.params.data as { preferedLanguage?: string | null };
      data.preferedLanguage ??= 'fr';
    },
  });
}
