import type { Catalog, EventView, TalkView } from './catalog.ts';
import { parisParts } from './dates.ts';
import { eventSection } from './urls.ts';

/**
 * The talks listing's filters: by year and by theme. Talks carry no topic of their own, so a talk's
 * theme is where it was given: the technology of its group (a clermontech.php evening: "PHP"), or
 * else the kind of its event ("API Hours", "Workshops"…). Talks without an event have neither.
 */
export interface TalkFilter {
  /** What the link says: "2019", "PHP", "API Hours". */
  label: string;
  /** URL segment. */
  slug: string;
  url: string;
  talks: TalkView[];
}

export const talkYear = (event: EventView) => parisParts(event.entry.startsAt).year;

function talkTheme(event: EventView): { label: string; slug: string } {
  const group = event.group?.entry;
  if (group) return { label: group.technology ?? group.name, slug: `groupe-${group.slug}` };
  const { label } = eventSection(event.entry.kind);
  // The agenda's label names a page, not a kind of event: conferences and others are "Événements".
  return { label: label === 'Agenda' ? 'Autres événements' : label, slug: event.entry.kind };
}

function collect(
  talks: TalkView[],
  keyOf: (event: EventView) => { label: string; slug: string },
  base: string,
): TalkFilter[] {
  const filters = new Map<string, TalkFilter>();
  for (const talk of talks) {
    if (!talk.event) continue;
    const { label, slug } = keyOf(talk.event);
    let filter = filters.get(slug);
    if (!filter) filters.set(slug, (filter = { label, slug, url: `${base}${slug}/`, talks: [] }));
    filter.talks.push(talk);
  }
  return [...filters.values()];
}

/** Years with talks, newest first, each with its talks (newest event first, then programme order). */
export function talkYears(catalog: Catalog): TalkFilter[] {
  return collect(catalog.talks, (event) => ({ label: talkYear(event), slug: talkYear(event) }), '/talks/annee/').sort(
    (a, b) => b.slug.localeCompare(a.slug),
  );
}

/** Themes with talks, the most talks first. */
export function talkThemes(catalog: Catalog): TalkFilter[] {
  return collect(catalog.talks, talkTheme, '/talks/theme/').sort(
    (a, b) => b.talks.length - a.talks.length || a.label.localeCompare(b.label, 'fr'),
  );
}

/** Talks grouped under their event, in the order given; talks without an event last. */
export function byEvent(talks: TalkView[]): { event?: EventView; talks: TalkView[] }[] {
  const groups = new Map<EventView | undefined, TalkView[]>();
  for (const talk of talks) {
    const list = groups.get(talk.event) ?? [];
    list.push(talk);
    groups.set(talk.event, list);
  }
  const withEvent = [...groups].filter(([event]) => event).map(([event, list]) => ({ event, talks: list }));
  const orphans = groups.get(undefined);
  return orphans ? [...withEvent, { talks: orphans }] : withEvent;
}
