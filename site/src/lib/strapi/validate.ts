import type { z } from 'astro/zod';
import { CmsSchemaError } from './errors.ts';
import type { RawEntry } from './fetch-entries.ts';

function entryLabel(raw: RawEntry): string {
  const slug = typeof raw.slug === 'string' && raw.slug !== '' ? `"${raw.slug}" ` : '';
  return `${slug}(id ${raw.documentId})`;
}

function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (shown, key) => (typeof key === 'number' ? `${shown}[${key}]` : shown ? `${shown}.${String(key)}` : String(key)),
    '',
  );
}

// The line names the entry by slug and id but avoids the words "document" and "window": Astro
// would take them for a browser API used on the server and print a misleading hint.

/**
 * Validates one raw entry against its schema. On failure, throws a CmsSchemaError whose
 * one-line message names the content type, the entry and the first wrong field.
 */
export function parseEntry<S extends z.ZodType>(type: string, schema: S, raw: RawEntry): z.output<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const [first, ...others] = result.error.issues;
  const field = first ? fieldPath(first.path) || '(entry)' : '(entry)';
  const more = others.length > 0 ? ` (and ${others.length} more)` : '';
  throw new CmsSchemaError(
    `Invalid ${type} entry ${entryLabel(raw)}: field ${field}: ${first?.message ?? 'invalid'}${more}`,
  );
}
