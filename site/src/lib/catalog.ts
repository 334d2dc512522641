import { isPast, parisDay } from './dates.ts';
import type { Event, Global, Group, Member, Page, Post, Speaker, Sponsor, Talk, Venue } from './strapi/schemas.ts';
import { eventUrl, groupUrl, pageUrl, postUrl, speakerUrl, talkUrl } from './urls.ts';

/** An event with its relations resolved. */
export interface EventView {
  entry: Event;
  url: string;
  past: boolean;
  venue?: Venue | undefined;
  group?: GroupView | undefined;
  /** Programme, by position. */
  talks: TalkView[];
  sponsors: Sponsor[];
}

export interface TalkView {
  entry: Talk;
  url: string;
  event?: EventView | undefined;
  speakers: SpeakerView[];
}

export interface SpeakerView {
  entry: Speaker;
  url: string;
  /** Newest first. */
  talks: TalkView[];
}

export interface GroupView {
  entry: Group;
  url: string;
  /** Newest first. */
  events: EventView[];
}

export interface PostView {
  entry: Post;
  url: string;
}

export interface PageView {
  entry: Page;
  url: string;
}

export interface Collections {
  events: Event[];
  talks: Talk[];
  speakers: Speaker[];
  venues: Venue[];
  posts: Post[];
  sponsors: Sponsor[];
  groups: Group[];
  members: Member[];
  pages: Page[];
  global?: Global | undefined;
}

/** Everything the pages show, joined once per build. */
export interface Catalog {
  now: Date;
  global?: Global | undefined;
  /** Newest first. */
  events: EventView[];
  /** Newest event first, then programme order. */
  talks: TalkView[];
  /** By name. */
  speakers: SpeakerView[];
  /** By name. */
  groups: GroupView[];
  /** Newest first. */
  posts: PostView[];
  pages: PageView[];
  sponsors: Sponsor[];
  members: Member[];
  pageBySlug: (slug: string) => PageView | undefined;
}

const byName = new Intl.Collator('fr', { sensitivity: 'base' });
const newestFirst = (a: EventView, b: EventView) => b.entry.startsAt.getTime() - a.entry.startsAt.getTime();
const programmeOrder = (a: TalkView, b: TalkView) =>
  (a.entry.position ?? Number.MAX_SAFE_INTEGER) - (b.entry.position ?? Number.MAX_SAFE_INTEGER) ||
  byName.compare(a.entry.title, b.entry.title);

function indexBy<T extends { documentId: string }>(items: T[]): Map<string, T> {
  return new Map(items.map((item) => [item.documentId, item]));
}

function present<T>(value: T | undefined): value is T {
  return value !== undefined;
}

/** Resolves the documentId relations between collections; relations to unpublished entries are dropped. */
export function buildCatalog(collections: Collections, now: Date): Catalog {
  const venues = indexBy(collections.venues);
  const sponsors = indexBy(collections.sponsors);

  const groups = new Map<string, GroupView>(
    collections.groups.map((entry) => [entry.documentId, { entry, url: groupUrl(entry), events: [] }]),
  );
  const events = new Map<string, EventView>();
  for (const entry of collections.events) {
    const group = entry.group ? groups.get(entry.group) : undefined;
    const view: EventView = {
      entry,
      url: eventUrl(entry, group?.entry),
      past: isPast(entry, now),
      venue: entry.venue ? venues.get(entry.venue) : undefined,
      group,
      talks: [],
      sponsors: entry.sponsors.map((id) => sponsors.get(id)).filter(present),
    };
    events.set(entry.documentId, view);
    group?.events.push(view);
  }

  const speakers = new Map<string, SpeakerView>(
    collections.speakers.map((entry) => [entry.documentId, { entry, url: speakerUrl(entry), talks: [] }]),
  );
  const talks: TalkView[] = collections.talks.map((entry) => {
    const view: TalkView = {
      entry,
      url: talkUrl(entry),
      event: entry.event ? events.get(entry.event) : undefined,
      speakers: entry.speakers.map((id) => speakers.get(id)).filter(present),
    };
    view.event?.talks.push(view);
    for (const speaker of view.speakers) speaker.talks.push(view);
    return view;
  });

  const eventList = [...events.values()].sort(newestFirst);
  for (const event of eventList) event.talks.sort(programmeOrder);
  const talkTime = (talk: TalkView) => talk.event?.entry.startsAt.getTime() ?? 0;
  const talkOrder = (a: TalkView, b: TalkView) => talkTime(b) - talkTime(a) || programmeOrder(a, b);
  for (const speaker of speakers.values()) speaker.talks.sort(talkOrder);
  for (const group of groups.values()) group.events.sort(newestFirst);

  const pages = collections.pages.map((entry) => ({ entry, url: pageUrl(entry) }));
  const pagesBySlug = new Map(pages.map((page) => [page.entry.slug, page]));

  return {
    now,
    global: collections.global,
    events: eventList,
    talks: talks.sort(talkOrder),
    speakers: [...speakers.values()].sort((a, b) => byName.compare(a.entry.name, b.entry.name)),
    groups: [...groups.values()].sort((a, b) => byName.compare(a.entry.name, b.entry.name)),
    posts: collections.posts
      .map((entry) => ({ entry, url: postUrl(entry) }))
      .sort((a, b) => b.entry.date.localeCompare(a.entry.date) || byName.compare(a.entry.title, b.entry.title)),
    pages,
    sponsors: [...collections.sponsors].sort((a, b) => byName.compare(a.name, b.name)),
    members: collections.members,
    pageBySlug: (slug) => pagesBySlug.get(slug),
  };
}

/** Upcoming events, soonest first. */
export function upcomingEvents(events: EventView[]): EventView[] {
  return events.filter((event) => !event.past).reverse();
}

/** A sponsor is current until its `until` day has passed (Paris time); one without `until` always is. */
export function isCurrentSponsor(sponsor: Sponsor, now: Date): boolean {
  return !sponsor.until || sponsor.until >= parisDay(now);
}

const TIER_ORDER = { main: 0, partner: 1, supporter: 2 } as const;

/** Main sponsors first, then partners, then supporters; by name within a tier. */
export function sortByTier(list: Sponsor[]): Sponsor[] {
  return [...list].sort((a, b) => TIER_ORDER[a.tier] - TIER_ORDER[b.tier] || byName.compare(a.name, b.name));
}

/** The banner is shown while it has text and its showUntil has not passed. */
export function activeAnnouncement(global: Global | undefined, now: Date) {
  const announcement = global?.announcement;
  if (!announcement?.text) return undefined;
  if (announcement.showUntil && announcement.showUntil.getTime() <= now.getTime()) return undefined;
  return announcement;
}

/** Board (president first…) and supervisory council, each ordered by position. */
export function boardAndCouncil(members: Member[]): { board: Member[]; council: Member[] } {
  const ordered = [...members].sort((a, b) => a.position - b.position || byName.compare(a.name, b.name));
  return {
    board: ordered.filter((member) => member.role !== 'supervisory-council'),
    council: ordered.filter((member) => member.role === 'supervisory-council'),
  };
}
