/*
 * Written by hand, not by the `feed` package: `feed` writes every entry title as HTML (a title
 * such as « Les balises <template> » would lose its words in readers), passes entry ids through
 * `new URL()` (the old site's ids with accents, e.g. `…/julien-pervillé-…`, would come out
 * percent-encoded, so readers would show those posts again) and has no per-entry `xml:lang` for
 * the English posts.
 */
/** One entry of an Atom feed (RFC 4287). */
export interface FeedEntry {
  /** Permanent, unique IRI (the post's URL is fine). */
  id: string;
  title: string;
  url: string;
  published: Date;
  updated: Date;
  summary?: string | undefined;
  /** Already-sanitised HTML. */
  contentHtml?: string | undefined;
  author?: string | undefined;
  language?: string | undefined;
}

export interface Feed {
  id: string;
  title: string;
  subtitle?: string | undefined;
  /** Home page of the site. */
  siteUrl: string;
  /** URL of the feed itself. */
  feedUrl: string;
  /** Fallback author for entries without one. */
  author: string;
  language: string;
  /** Defaults to the newest entry's update time. */
  updated?: Date | undefined;
  entries: FeedEntry[];
}

/** Escapes text for XML content and attribute values; drops characters XML 1.0 forbids. */
export function escapeXml(value: string): string {
  return value
    .replace(/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function element(name: string, text: string, attributes = ''): string {
  return `<${name}${attributes}>${escapeXml(text)}</${name}>`;
}

function entryXml(entry: FeedEntry, fallbackAuthor: string): string {
  const language = entry.language ? ` xml:lang="${escapeXml(entry.language)}"` : '';
  const parts = [
    `<entry${language}>`,
    element('id', entry.id),
    element('title', entry.title),
    `<link rel="alternate" type="text/html" href="${escapeXml(entry.url)}"/>`,
    element('published', entry.published.toISOString()),
    element('updated', entry.updated.toISOString()),
    `<author>${element('name', entry.author ?? fallbackAuthor)}</author>`,
  ];
  if (entry.summary) parts.push(element('summary', entry.summary));
  if (entry.contentHtml) parts.push(element('content', entry.contentHtml, ' type="html"'));
  parts.push('</entry>');
  return parts.join('\n');
}

/** An Atom 1.0 document. */
export function buildAtomFeed(feed: Feed): string {
  const updated =
    feed.updated ??
    feed.entries.reduce<Date>((latest, entry) => (entry.updated > latest ? entry.updated : latest), new Date(0));
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(feed.language)}">`,
    element('id', feed.id),
    element('title', feed.title),
    ...(feed.subtitle ? [element('subtitle', feed.subtitle)] : []),
    `<link rel="self" type="application/atom+xml" href="${escapeXml(feed.feedUrl)}"/>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(feed.siteUrl)}"/>`,
    element('updated', updated.toISOString()),
    `<author>${element('name', feed.author)}</author>`,
    ...feed.entries.map((entry) => entryXml(entry, feed.author)),
    '</feed>',
    '',
  ].join('\n');
}
