/**
 * The edit form's values as the content manager's API expects them: relation fields hold their
 * connect/disconnect payload under `apiData`. The same transform Strapi's own Save applies
 * (content-manager's DocumentActions `transformData`, not exported).
 */
export function formValuesToApiData(data: unknown): unknown {
  if (Array.isArray(data)) return data.map(formValuesToApiData);
  if (typeof data === 'object' && data !== null) {
    if ('apiData' in data) return data.apiData;
    return Object.fromEntries(Object.entries(data).map(([key, value]) => [key, formValuesToApiData(value)]));
  }
  return data;
}
