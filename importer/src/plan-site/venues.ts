/**
 * Venues, gathered from the events' announcements: one per place (by address, else by name), named as
 * the latest announcement names it.
 */
import { compactVenueName, venueKey, type VenueFacts } from '../event-details.ts';
import { isEntryRef, type PlannedEntry } from '../plan.ts';
import { slugify, truncate } from '../text.ts';
import { issue, SlugRegistry, type Context, type Doc, type VenueDraft } from './context.ts';

export type Venues = Map<string, VenueDraft>;

/** Adds what an event's announcement says of its venue; returns the venue's key, if it names one. */
export function recordVenue(venues: Venues, doc: Doc, venue: VenueFacts): string | undefined {
  const key = venueKey(venue);
  if (!key) return undefined;
  const draft = venues.get(key) ?? { key, at: '', names: [], streets: [], sources: [] };
  // The latest announcement names the place as it is now known.
  if (doc.path >= draft.at) {
    draft.at = doc.path;
    if (venue.name) draft.name = venue.name;
    if (venue.address) draft.address = { ...venue.address, street: draft.address?.street ?? venue.address.street };
    if (venue.coordinates) {
      draft.latitude = venue.coordinates.latitude;
      draft.longitude = venue.coordinates.longitude;
    }
  }
  if (venue.name) draft.names.push(venue.name);
  if (venue.address) draft.streets.push(venue.address.street);
  draft.sources.push(doc.path);
  venues.set(key, draft);
  return key;
}

/**
 * A place named without its address in one announcement ("au **Turing 22**") is the one named with
 * it in another ("au **Turing22**, 22 allée Alan Turing"): the name-only venue joins the one with the
 * address whose name is spelt alike, and its events follow, with a warning saying so.
 */
export function mergeVenueVariants(venues: Venues, entries: PlannedEntry[], context: Context): void {
  const addressed = [...venues.values()].filter((venue) => venue.key.startsWith('address:'));
  for (const venue of [...venues.values()]) {
    if (venue.key.startsWith('address:') || !venue.name) continue;
    const compact = compactVenueName(venue.name);
    const target = addressed.filter((other) => other.names.some((name) => compactVenueName(name) === compact));
    if (target.length !== 1) continue;
    const into = target[0]!;
    into.names.push(...venue.names);
    into.sources.push(...venue.sources);
    venues.delete(venue.key);
    for (const entry of entries) {
      const ref = entry.data.venue;
      if (entry.type !== 'event' || !isEntryRef(ref) || ref.key !== venue.key) continue;
      entry.data.venue = { $ref: 'venue', key: into.key };
      issue(
        context,
        entry.sources[0] ?? '',
        'warning',
        `venue "${venue.name}" has no address here; taken to be "${into.name ?? venue.name}" at ${into.address?.street ?? '?'} (${into.sources[0]})`,
        'venue',
        {
          prose: venue.name,
        },
      );
    }
  }
}

function mostFrequent(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** The venue entries, put before the events that link to them. */
export function addVenueEntries(venues: Venues, entries: PlannedEntry[]): void {
  const slugs = new SlugRegistry();
  for (const venue of [...venues.values()].sort((a, b) => a.key.localeCompare(b.key))) {
    const name = venue.name ?? venue.address?.street ?? 'Lieu';
    const street = mostFrequent(venue.streets) ?? venue.address?.street;
    entries.unshift({
      type: 'venue',
      key: venue.key,
      label: name,
      sources: venue.sources,
      data: {
        name: truncate(name, 150),
        slug: slugs.claim(slugify(name)),
        address: street ? truncate(street, 250) : null,
        postcode: venue.address?.postcode ?? null,
        city: venue.address?.city ?? null,
        latitude: venue.latitude ?? null,
        longitude: venue.longitude ?? null,
      },
    });
  }
}
