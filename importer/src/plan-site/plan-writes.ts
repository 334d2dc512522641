/** Step 9: the entries as the writer takes them: one identity each, in the order their links need. */
import type { PlannedEntry } from '../plan.ts';
import { issue, type Context } from './context.ts';

/**
 * Two files with one identity (two posts Jekyll published at the same URL, a name listed twice)
 * would overwrite each other at every run: the later one gets a key of its own, and a warning.
 */
function withUniqueKeys(entries: PlannedEntry[], context: Context): PlannedEntry[] {
  const seen = new Map<string, PlannedEntry>();
  return entries.map((entry) => {
    const id = `${entry.type}:${entry.key}`;
    const first = seen.get(id);
    if (!first) {
      seen.set(id, entry);
      return entry;
    }
    const key = `${entry.key}#${entry.sources[0] ?? seen.size}`;
    issue(
      context,
      entry.sources[0] ?? '',
      'warning',
      `same ${entry.type} as ${first.sources.join(', ')} (${entry.key}); imported separately`,
      undefined,
      1,
    );
    return { ...entry, key };
  });
}

/** Entries linked to come first (venues before events, speakers before talks…), each type in planning order. */
function ordered(entries: PlannedEntry[]): PlannedEntry[] {
  const order = ['group', 'venue', 'speaker', 'sponsor', 'event', 'talk', 'post', 'page', 'member'];
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => order.indexOf(a.entry.type) - order.indexOf(b.entry.type) || a.index - b.index)
    .map(({ entry }) => entry);
}

export function planWrites(context: Context, entries: PlannedEntry[]): PlannedEntry[] {
  return ordered(withUniqueKeys(entries, context));
}
