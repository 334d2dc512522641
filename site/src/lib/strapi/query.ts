/** A Strapi query: nested objects and arrays become bracketed keys (`populate[venue][fields][0]=documentId`). */
export type QueryValue = string | number | boolean | readonly QueryValue[] | { readonly [key: string]: QueryValue };
export type Query = Record<string, QueryValue>;

function flatten(prefix: string, value: QueryValue, out: [string, string][]): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => flatten(`${prefix}[${index}]`, item, out));
  } else if (typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) flatten(`${prefix}[${key}]`, item, out);
  } else {
    out.push([prefix, String(value)]);
  }
}

/** Serialises a query the way Strapi's qs parser reads it. */
export function toSearchParams(query: Query): URLSearchParams {
  const pairs: [string, string][] = [];
  for (const [key, value] of Object.entries(query)) flatten(key, value, pairs);
  return new URLSearchParams(pairs);
}
