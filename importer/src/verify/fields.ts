/** The checks of one old post against its new page, field by field: each returns what is wrong (nothing: right). */
import { posix } from 'node:path';
import { isEntryRef, type PlannedEntry } from '../plan.ts';
import { fold } from '../text.ts';
import { localPath, sameAddress, type NewSite } from './new-site.ts';
import { oldText, type oldReferences } from './old-post.ts';
import { significantWords, type BuiltPage } from './page.ts';

/** `2013-04-03T19:00` of an instant, in Paris. */
function parisMinute(iso: string): string {
  const parts = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Paris',
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(new Date(iso));
  return parts.replace(' ', 'T');
}

export function checkTitle(entry: PlannedEntry, page: BuiltPage): string[] {
  const title = String(entry.data.title);
  return fold(page.title).includes(fold(title).replace(/…$/, '')) ? [] : [`"${page.title}" instead of "${title}"`];
}

/** An event's start (to the minute, in Paris) or a post's day; undefined where the entry has none. */
export function checkDate(entry: PlannedEntry, page: BuiltPage): string[] | undefined {
  if (entry.type === 'event' && typeof entry.data.startsAt === 'string') {
    const minute = parisMinute(entry.data.startsAt);
    return page.times.some((time) => time.startsWith(minute))
      ? []
      : [`no ${minute} (Paris) among ${page.times.join(', ') || 'no date'}`];
  }
  if (entry.type === 'post' && typeof entry.data.date === 'string') {
    const day = entry.data.date;
    return page.times.some((time) => time.startsWith(day))
      ? []
      : [`no ${day} among ${page.times.join(', ') || 'no date'}`];
  }
  return undefined;
}

export function checkVenue(site: NewSite, entry: PlannedEntry, page: BuiltPage): string[] | undefined {
  if (entry.type !== 'event' || !isEntryRef(entry.data.venue)) return undefined;
  const venue = site.entry('venue', entry.data.venue.key);
  const name = String(venue?.data.name ?? '');
  const problems: string[] = [];
  if (!page.text.includes(name)) problems.push(`"${name}" not shown`);
  // A name, not a sentence's fragment nor the address run into it.
  if (
    /^(?:la|le|les|l'|un|une)$/i.test(name) ||
    /\d{1,4}\s*,?\s+(?:rue|avenue|allée|boulevard|place|impasse|chemin)\b|\d{5}|\*\*/i.test(name)
  )
    problems.push(`"${name}" is not a clean venue name`);
  if (page.jsonLd.length > 0 && !page.jsonLd.some((block) => block.includes(JSON.stringify(name))))
    problems.push(`"${name}" not the JSON-LD location`);
  return problems;
}

/** An evening's talks, linked in programme order. */
export function checkTalks(site: NewSite, entry: PlannedEntry, page: BuiltPage): string[] | undefined {
  if (entry.type !== 'event') return undefined;
  const expected = site
    .talksOf(entry)
    .sort((a, b) => Number(a.data.position) - Number(b.data.position))
    .map((talk) => site.urlOf(talk)!);
  if (expected.length === 0) return undefined;
  const shown = [...new Set(page.links.filter((href) => expected.includes(href)))];
  return shown.join(' ') === expected.join(' ')
    ? []
    : [`talks in the order ${shown.join(', ') || '(none)'} instead of ${expected.join(', ')}`];
}

/** A talk's speakers, named in order. */
export function checkSpeakers(site: NewSite, entry: PlannedEntry, page: BuiltPage): string[] | undefined {
  if (entry.type !== 'talk' || !Array.isArray(entry.data.speakers)) return undefined;
  let from = 0;
  const problems: string[] = [];
  for (const name of site.speakerNames(entry.data.speakers)) {
    const at = page.text.indexOf(name, from);
    if (at === -1) problems.push(`speaker "${name}" missing or out of order`);
    else from = at + name.length;
  }
  return problems;
}

type References = ReturnType<typeof oldReferences>;

/** Every link of the old post, present on the new page and answering; links already broken on the old site go to `notes`. */
export async function checkLinks(
  site: NewSite,
  references: References,
  source: string,
  oldUrl: string,
  page: BuiltPage,
  notes: string[],
): Promise<string[]> {
  const problems: string[] = [];
  for (const raw of references.links) {
    const expected = site.expectedLink(raw, source);
    if (expected.kind === 'broken-on-old-site') {
      notes.push(`${oldUrl}: link to ${raw} was already broken on the old site`);
      continue;
    }
    if (expected.kind === 'page') {
      if (!page.links.includes(expected.url)) problems.push(`no link to ${expected.url} (was ${raw})`);
      else if (!(await site.answers(expected.url))) problems.push(`${expected.url} does not answer`);
    } else if (expected.kind === 'file') {
      const stem = expected.stem;
      const found = page.links.find((href) =>
        fold(posix.basename(href.split(/[?#]/)[0]!))
          .replace(/[^a-z0-9]/g, '')
          .startsWith(stem),
      );
      if (!found) problems.push(`no link to the uploaded ${raw}`);
      else if (!(await site.answers(found))) problems.push(`${found} (was ${raw}) does not answer`);
    } else {
      const found = page.links.find((href) => sameAddress(href, expected.url));
      if (!found) problems.push(`no link to ${expected.url}`);
      else if (!(await site.answers(found))) problems.push(`${found} does not answer`);
    }
  }
  return problems;
}

/** As many images as the old post had (those it was missing go to `notes`), each answering, none left at its old path. */
export async function checkImages(
  site: NewSite,
  references: References,
  oldUrl: string,
  page: BuiltPage,
  notes: string[],
): Promise<string[]> {
  const problems: string[] = [];
  const oldImages = references.images.filter((src) => {
    const local = localPath(src, oldUrl);
    if (local !== undefined && !site.hasOldFile(local)) {
      notes.push(`${oldUrl}: image ${src} was already missing on the old site`);
      return false;
    }
    return true;
  });
  if (page.images.length < oldImages.length)
    problems.push(`${page.images.length} images shown, ${oldImages.length} on the old page`);
  for (const src of page.images) {
    if (src.startsWith('data:')) continue;
    if (/^\/images\//.test(src) || !(await site.answers(src))) problems.push(`image ${src} does not answer`);
  }
  return problems;
}

export function checkWords(oldBody: string, page: BuiltPage): string[] {
  const shownWords = significantWords(page.text);
  const missing = [...significantWords(oldText(oldBody))].filter((word) => !shownWords.has(word));
  return missing.length ? [`${missing.length} words missing: ${missing.slice(0, 8).join(', ')}`] : [];
}

/** No Markdown or Liquid source shown, and no HTML block shown as its source in a code block. */
export function checkMarkup(body: string, page: BuiltPage): string[] {
  const raw = [page.text, ...page.jsonLd].join('\n');
  const markup = ['**', '](', '{%', '{{', '%}']
    .filter((token) => raw.includes(token))
    .map((token) => `raw "${token}" on the page`);
  // An HTML block the old page rendered, shown as its source in a code block (the old page had no code).
  const hadCode = /^(```|~~~)|\{%-?\s*highlight/m.test(body);
  if (!hadCode && page.code.some((code) => /<\/?(?:table|tbody|tr|td|th|div|p|ul|li)\b/i.test(code)))
    markup.push('HTML source shown as code');
  return markup;
}
