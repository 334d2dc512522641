import { createHash } from 'node:crypto';
import type { EventView, PostView, TalkView } from '../catalog.ts';
import { formatDay, formatIsoDay } from '../dates.ts';

/** Open Graph's recommended size: what Facebook, LinkedIn, Mastodon and X show in full. */
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** The sections that have a social card, and where their cards are served (`/og/<section>/<slug>.png`). */
export const SOCIAL_CARD_SECTIONS = ['evenements', 'talks', 'blog'] as const;
export type SocialCardSection = (typeof SOCIAL_CARD_SECTIONS)[number];

/** Everything a social card shows: two cards with the same fields are the same image. */
export interface SocialCard {
  section: SocialCardSection;
  slug: string;
  /** Small capitals above the title: "API Hour #72", "Talk", "Article". */
  label: string;
  title: string;
  /** The day, in French: "jeudi 16 mai 2024". */
  date: string;
  /** Speakers of a talk or an evening, the author of a post. */
  people: string[];
}

const names = (talks: TalkView[]) => [
  ...new Set(talks.flatMap((talk) => talk.speakers.map((speaker) => speaker.entry.name))),
];

const KIND_LABELS: Record<EventView['entry']['kind'], string> = {
  'api-hour': 'API Hour',
  group: 'Groupe',
  workshop: 'Workshop',
  devcamp: 'Devcamp',
  conference: 'Conférence',
  'tech-time': 'Tech time',
  other: 'Événement',
};

export function eventSocialCard(event: EventView): SocialCard {
  const { entry } = event;
  const label = event.group ? event.group.entry.name : KIND_LABELS[entry.kind];
  return {
    section: 'evenements',
    slug: entry.slug,
    label,
    title: entry.title,
    date: formatDay(entry.startsAt),
    people: names(event.talks),
  };
}

export function talkSocialCard(talk: TalkView): SocialCard {
  return {
    section: 'talks',
    slug: talk.entry.slug,
    label: talk.event ? `Talk · ${talk.event.entry.title}` : 'Talk',
    title: talk.entry.title,
    date: talk.event ? formatDay(talk.event.entry.startsAt) : '',
    people: talk.speakers.map((speaker) => speaker.entry.name),
  };
}

export function postSocialCard(post: PostView): SocialCard {
  const { entry } = post;
  return {
    section: 'blog',
    slug: entry.slug,
    label: 'Blog',
    title: entry.title,
    date: formatIsoDay(entry.date),
    people: entry.author ? [entry.author] : [],
  };
}

/** Where the card is served, from the site's root. */
export const socialCardPath = (card: Pick<SocialCard, 'section' | 'slug'>) => `/og/${card.section}/${card.slug}.png`;

/**
 * The card's key for Astro's incremental build (see lib/cache-keys.ts): its fields and the logo's
 * URL, which names one version of the file. A page whose text changed but whose card did not (an
 * edited abstract, a new sponsor) keeps its card without drawing it again; the card's own code is
 * hashed by Astro.
 */
export function socialCardKey(card: SocialCard, logoUrl: string | undefined): string {
  return createHash('sha256')
    .update(JSON.stringify([card, logoUrl ?? null]))
    .digest('base64url');
}
