import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { adminViews } from '../bootstrap/admin-views.data';
import { urlProblem } from './check-url';

/** A link field: a string attribute named `url` or `…Url` (registrationUrl, slidesUrl, videoUrl…). */
const isUrlField = (name: string, attribute: { type: string }) => attribute.type === 'string' && /(^u|U)rl$/.test(name);

type Data = Record<string, unknown>;
interface Problem {
  path: (string | number)[];
  message: string;
}

const labelOf = (uid: string, field: string) => adminViews[uid]?.fields[field]?.label ?? field;

/** The link fields of `data`, and of the components it holds, that the site would drop; named by their French label. */
function urlProblems(strapi: Core.Strapi, uid: string, data: Data): Problem[] {
  const problems: Problem[] = [];
  const attributes = strapi.getModel(uid as UID.Schema).attributes as Record<
    string,
    { type: string; component?: string }
  >;
  for (const [field, attribute] of Object.entries(attributes)) {
    const value = data[field];
    if (isUrlField(field, attribute) && typeof value === 'string') {
      const problem = urlProblem(value);
      if (problem) problems.push({ path: [field], message: `« ${labelOf(uid, field)} » : ${problem}.` });
    }
    if (attribute.type !== 'component' || !attribute.component || !value || typeof value !== 'object') continue;
    // A component's link (a speaker's « Liens », the announcement's) is named by the field holding it.
    const items = Array.isArray(value) ? (value as Data[]) : [value as Data];
    items.forEach((item, index) => {
      const where = Array.isArray(value) ? ` (n° ${index + 1})` : '';
      for (const inner of urlProblems(strapi, attribute.component!, item)) {
        problems.push({
          path: [field, ...(Array.isArray(value) ? [index] : []), ...inner.path],
          message: `« ${labelOf(uid, field)} »${where}, adresse ${inner.message.replace(/^« [^»]+ » : /, ': ')}`,
        });
      }
    });
  }
  return problems;
}

/**
 * Refuses, in the document service, a save whose links the public site would silently drop (a
 * registration link without https://, a slides address with a space…): one French message naming
 * the field, which the content manager also shows under it. Every way of saving goes through here
 * (the admin, "Programmer une soirée", the importer), so nothing half-usable is ever stored.
 */
export function guardUrlFields(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (context.action !== 'create' && context.action !== 'update') return next();
    if (!context.uid.startsWith('api::')) return next();
    const data = (context.params as { data?: Data }).data;
    if (!data) return next();
    const problems = urlProblems(strapi, context.uid, data);
    if (problems.length > 0) {
      throw new errors.ValidationError(problems.map(({ message }) => message).join(' '), {
        errors: problems.map(({ path, message }) => ({ path, message, name: 'ValidationError', value: undefined })),
      });
    }
    return next();
  });
}
