/**
 * People: the speakers named by the talks (joint talks split, one speaker per name key, shown with
 * the best spelling of their name) and the board members listed on the association's page.
 */
import { cleanUrl, linkLabel } from '../people.ts';
import { sections } from '../event-details.ts';
import type { LinkValue, PlannedEntry } from '../plan.ts';
import type { JekyllSite } from '../reader.ts';
import { decodeEntities, fold, nameKey, plainText, squash, text, truncate } from '../text.ts';
import { asset, issue, SlugRegistry, type Context, type Doc, type TalkDraft } from './context.ts';
import type { Links } from './links.ts';

interface SpeakerDraft {
  key: string;
  names: { name: string; at: string }[];
  links: string[];
  photo?: { path: string; at: string };
  sources: string[];
}

export type Speakers = Map<string, SpeakerDraft>;

function conventionalPhoto(site: JekyllSite, key: string): string | undefined {
  for (const ext of ['jpg', 'jpeg', 'png', 'webp']) {
    const path = `images/speaker-images/${key}.${ext}`;
    if (site.files.has(path)) return path;
  }
  return undefined;
}

/**
 * Records a talk's speakers; returns their keys, in the talk's order. A talk by one person also gives
 * that person's link and photo (the latest talk's photo wins).
 */
export function recordSpeakers(context: Context, speakers: Speakers, talk: TalkDraft, links: Links): string[] {
  const { doc } = talk;
  const authorImage = text(doc.data.author_image);
  const authorUrl = cleanUrl(text(doc.data.author_url));
  if (text(doc.data.author_url) && !authorUrl)
    issue(
      context,
      doc.path,
      'warning',
      `author_url "${text(doc.data.author_url)}" is not a web address; ignored`,
      'speakers.links',
      { key: 'author_url' },
    );
  const keys: string[] = [];
  for (const name of talk.speakers) {
    const key = nameKey(name);
    keys.push(key);
    const draft = speakers.get(key) ?? { key, names: [], links: [], sources: [] };
    draft.names.push({ name, at: doc.path });
    draft.sources.push(doc.path);
    speakers.set(key, draft);
    if (talk.speakers.length > 1) continue;
    if (authorUrl && !draft.links.includes(authorUrl)) draft.links.push(authorUrl);
    const imageFile = authorImage
      ? links.frontMatterImage(doc, authorImage, 'images/speaker-images', 'speakers.photo')
      : conventionalPhoto(context.site, key);
    // default.jpg is the old site's placeholder, not a photo.
    if (imageFile && !/\/default\.[a-z]+$/i.test(imageFile) && (!draft.photo || doc.path >= draft.photo.at)) {
      draft.photo = { path: imageFile, at: doc.path };
    }
  }
  if (talk.speakers.length > 1 && (authorImage || authorUrl)) {
    issue(
      context,
      doc.path,
      'info',
      `author_image/author_url of a joint talk (${talk.speakers.join(', ')}) cannot be given to one person; not imported`,
      'speakers.photo',
    );
  }
  return keys;
}

/** The spelling to show: the one with the most accents ("Noël" over "Noel"), then the most used, then the latest. */
function displayName(names: { name: string; at: string }[]): string {
  const score = (name: string) => (name.normalize('NFD').match(/[\u0300-\u036f]/g) ?? []).length;
  const counts = new Map<string, number>();
  for (const { name } of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  const latest = new Map<string, string>();
  for (const { name, at } of names) if ((latest.get(name) ?? '') < at) latest.set(name, at);
  return [...counts.keys()].sort(
    (a, b) => score(b) - score(a) || counts.get(b)! - counts.get(a)! || latest.get(b)!.localeCompare(latest.get(a)!),
  )[0]!;
}

/** The speaker entries, put before the talks that link to them. */
export function addSpeakerEntries(speakers: Speakers, entries: PlannedEntry[]): void {
  const slugs = new SlugRegistry();
  for (const speaker of [...speakers.values()].sort((a, b) => a.key.localeCompare(b.key))) {
    const name = displayName(speaker.names);
    entries.unshift({
      type: 'speaker',
      key: speaker.key,
      label: name,
      sources: [...new Set(speaker.sources)],
      data: {
        name: truncate(name, 150),
        slug: slugs.claim(speaker.key),
        photo: speaker.photo ? asset(speaker.photo.path) : null,
        links: speaker.links.map((url): LinkValue => ({ label: linkLabel(url), url })),
      },
    });
  }
}

function memberRole(label: string | undefined): string {
  const folded = fold(label ?? '');
  if (/vice/.test(folded)) return 'vice-president';
  if (/presid/.test(folded)) return 'president';
  if (/tresor/.test(folded)) return 'treasurer';
  if (/secretai/.test(folded)) return 'secretary';
  return 'board-member';
}

/** The board and supervisory council, from the lists under the association page's headings that name them. */
export function addMemberEntries(doc: Doc, entries: PlannedEntry[]): void {
  let position = 0;
  for (const section of sections(doc.body)) {
    const title = fold(section.title);
    const council = /conseil/.test(title);
    if (!council && !/bureau/.test(title)) continue;
    for (const line of section.content.split('\n')) {
      const item = /^\s*[-*+]\s+(.*)$/.exec(line);
      if (!item) continue;
      const value = item[1]!;
      const roleLabel = /^([^:[\]]+?)\s*:\s*(?=\S)/.exec(value);
      const rest = roleLabel ? value.slice(roleLabel[0].length) : value;
      const link = /\[([^\]]+)\]\(([^)\s]+)\)/.exec(rest);
      const name = squash(decodeEntities(link ? link[1]! : plainText(rest)));
      if (!name) continue;
      const url = link ? cleanUrl(link[2]) : undefined;
      const role = council ? 'supervisory-council' : memberRole(roleLabel?.[1]);
      entries.push({
        type: 'member',
        key: nameKey(name),
        label: name,
        sources: [doc.path],
        data: {
          name: truncate(name, 150),
          role,
          links: url ? [{ label: linkLabel(url), url }] : [],
          position: position++,
        },
      });
    }
  }
}
