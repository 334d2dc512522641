import type { z } from 'astro/zod';
import type { RawEntry } from '../strapi/fetch-entries.ts';
import { parseEntry } from '../strapi/validate.ts';

/**
 * Strapi saves a draft without its required fields (only publishing checks them), so a preview may
 * get a post without its date or a talk without its title. Rather than fail, the preview shows the
 * draft with a stand-in in each missing field and says, in French, what is still missing.
 */

/** The French names of the fields a draft may lack, as the admin labels them. */
const FIELD_LABELS: Record<string, string> = {
  title: 'Titre',
  name: 'Nom',
  slug: 'Identifiant d’URL',
  date: 'Date de publication',
  startsAt: 'Début',
  kind: 'Type d’événement',
  url: 'Adresse',
};

export const fieldLabel = (field: string) => FIELD_LABELS[field] ?? field;

/** Stand-ins, tried in order until the field's own schema takes one: words, then a date, a time, a number. */
function standIns(now: Date): unknown[] {
  return ['À compléter', 'a-completer', now.toISOString().slice(0, 10), now.toISOString(), 0, [], false];
}

const isEmpty = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

export interface CompletedDraft<T> {
  entry: T;
  /** The fields that were empty and got a stand-in, by name. */
  missing: string[];
}

/**
 * The draft parsed by its public schema, its empty required fields filled with stand-ins. A draft
 * wrong in another way (a malformed value, not a missing one) still fails, naming the field.
 */
export function completeDraft<S extends z.ZodObject>(
  type: string,
  schema: S,
  raw: RawEntry,
  now = new Date(),
): CompletedDraft<z.output<S>> {
  const result = schema.safeParse(raw);
  if (result.success) return { entry: result.data, missing: [] };
  const patched: RawEntry = { ...raw };
  const missing: string[] = [];
  for (const issue of result.error.issues) {
    const field = issue.path.length === 1 ? String(issue.path[0]) : undefined;
    const fieldSchema = field ? (schema.shape as Record<string, z.ZodType | undefined>)[field] : undefined;
    if (!field || !fieldSchema || !isEmpty(raw[field]) || missing.includes(field)) continue;
    const standIn = standIns(now).find((candidate) => fieldSchema.safeParse(candidate).success);
    if (standIn === undefined) continue;
    patched[field] = standIn;
    missing.push(field);
  }
  return { entry: parseEntry(type, schema, patched), missing };
}
