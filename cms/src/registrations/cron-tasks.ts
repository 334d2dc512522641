import type { Core } from '@strapi/strapi';
import { cmsEnv } from '../cms-env';
import { runRegistrationChores } from './chores';

/** Strapi's cron (config/server.ts `cron.tasks`): the registrations' chores every ten minutes. */
export const registrationCronTasks = {
  registrationChores: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      try {
        const report = await runRegistrationChores(strapi, cmsEnv(), new Date());
        if (report.reminded + report.promoted + report.anonymised > 0)
          strapi.log.info(`registrations: ${JSON.stringify(report)}`);
      } catch (error) {
        strapi.log.error(
          `registration chores failed: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`,
        );
      }
    },
    options: { rule: '*/10 * * * *', tz: 'Europe/Paris' },
  },
};
