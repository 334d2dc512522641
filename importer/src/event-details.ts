import { bestCoordinates, isMapUrl, type MapPoint } from './geo.ts';
import { decodeEntities, fold, plainText, slugify, squash, withoutEmbeds } from './text.ts';

/** One `##` section of a body. */
export interface Section {
  title: string;
  content: string;
}

/** Splits Markdown at its headings; text before the first heading is a section with an empty title. */
export function sections(markdown: string): Section[] {
  const result: Section[] = [];
  let current: Section = { title: '', content: '' };
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      result.push(current);
      current = { title: squash(decodeEntities(heading[1]!)), content: '' };
    } else {
      current.content += `${line}\n`;
    }
  }
  result.push(current);
  return result.filter((section) => section.title !== '' || section.content.trim() !== '');
}

const PRACTICAL = /pratique|infos?\b|informations|ou et quand|quand et ou|^lieu|^date|rendez-vous|acces/;
const REGISTRATION = /inscri|billet|reserv|ticket|participer/;

/** The sections that say where and when ("Informations pratiques"), or the whole body when none does. */
export function practicalText(markdown: string): string {
  const all = sections(markdown);
  const practical = all.filter((section) => PRACTICAL.test(fold(section.title)));
  return (practical.length > 0 ? practical : all).map((section) => section.content).join('\n');
}

function registrationText(markdown: string): string {
  return sections(markdown)
    .filter((section) => REGISTRATION.test(fold(section.title)))
    .map((section) => section.content)
    .join('\n');
}

/** A postal address, split the way the Venue type stores it. */
export interface Address {
  street: string;
  postcode?: string;
  city?: string;
}

const STREET_WORDS =
  'rue|avenue|av\\.|allée|allee|boulevard|bd|bld|place|impasse|chemin|route|cours|quai|square|esplanade|parvis|rond-point|passage|faubourg|voie|ensemble|campus|parc|zone|za|zac|zi|lieu-dit|résidence|residence|pôle|pole|cité|cite|domaine|hameau';
const NUMBERED_STREET = new RegExp(
  `(?:^|[\\s,(«])(\\d{1,4}(?:\\s?(?:bis|ter|b))?\\s*,?\\s+(?:${STREET_WORDS})\\b)`,
  'giu',
);
const ANY_STREET = new RegExp(`(?:^|[\\s,(«])((?:${STREET_WORDS})\\b)`, 'giu');
const POSTCODE_CITY =
  /\b(\d{5})\s+(\p{Lu}[\p{L}'’.]*(?:(?:-|\s)(?:\p{Lu}[\p{L}'’.]*|sur|en|de|du|le|la|les|d['’]\p{Lu}[\p{L}]*))*)/u;

/** "Clermont-Fd", "clermont ferrand" → "Clermont-Ferrand"; other cities get capitals if written in lower case. */
export function cleanCity(city: string): string {
  const trimmed = city.trim().replace(/[.,;]+$/, '');
  if (/^clermont[\s-]*(fd|ferrand|fe?r?d?)?$/i.test(trimmed)) return 'Clermont-Ferrand';
  if (trimmed === trimmed.toLowerCase())
    return trimmed.replace(
      /(^|[\s-])(\p{L})/gu,
      (_whole, sep: string, letter: string) => `${sep}${letter.toUpperCase()}`,
    );
  return trimmed;
}

/** Splits "22, allée Alan Turing 63000 Clermont-Fd" into street, postcode and city. */
export function parseAddress(value: string): Address | undefined {
  const cleaned = squash(value.replace(/[«»]/g, ''))
    .replace(/[.;]+$/, '')
    .replace(/,\s*France$/i, '');
  if (cleaned === '') return undefined;
  const match = /^(.*?)[\s,–-]*\b(\d{5})\s+([^,]+?)\s*$/.exec(cleaned);
  if (match && match[1]!.trim() !== '') {
    return { street: match[1]!.trim().replace(/[\s,–-]+$/, ''), postcode: match[2], city: cleanCity(match[3]!) };
  }
  if (!new RegExp(`\\b(?:${STREET_WORDS})\\b`, 'iu').test(cleaned) || cleaned.length > 120) return undefined;
  return { street: cleaned };
}

/** The key two spellings of one address share ("11 rue niel" and "11, Rue Niel"). */
export function addressKey(address: Address): string {
  const street = fold(address.street)
    .replace(/\bbd\b|\bbld\b/g, 'boulevard')
    .replace(/\bav\.?(?=\s)/g, 'avenue')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\b(?:de|du|des|la|le|les|d|l)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return `${street}|${address.postcode ?? ''}`;
}

/**
 * Text where link texts and bold runs are wrapped in «…» (the way announcements name places),
 * other markup and HTML dropped, whitespace collapsed.
 */
function markedText(markdown: string): string {
  return squash(
    decodeEntities(
      withoutEmbeds(markdown)
        .replace(/\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)/g, ' ')
        .replace(/\[([^\]]*)\]\([^)]*\)/g, (_whole, label: string) => `«${label.replace(/\*\*|__/g, '')}»`)
        .replace(/(\*\*|__)((?:(?!\n\s*\n)[\s\S])+?)\1/g, '«$2»')
        .replace(/<(strong|b)>(.*?)<\/\1>/gi, '«$2»')
        .replace(/<br\s*\/?>/gi, ' ')
        .replace(/<[^>]+>/g, ' ')
        .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1')
        .replace(/(^|\s)[*_]([^*_]+)[*_](?=[\s.,;:!?)]|$)/g, '$1$2'),
    ),
  ).replace(/»\s*«/g, ' ');
}

/** Where a sentence ends: a full stop, but not the one of an initial or an abbreviation ("21 rue J. Richepin"). */
const SENTENCE_END =
  /(?<!\b(?:\p{Lu}|St|Ste|Av|av|Bd|bd|Pl|Dr|Mme|M|bis|n°|No|no))\.(?:\s+(?=[«\p{Lu}])|$)|\bL['’]adresse\b/u;

const ROOM = /^(?:l['’]\s*)?(?:amphi(?:th[ée][aâ]tre)?|salle|auditorium|room)\b/i;
const NOT_A_PLACE =
  /^(?:en centre|centre[- ]ville|une salle|un lieu|un endroit|en ligne|ligne|visio|distance|direct|streaming|twitch|youtube|jitsi|zoom|discord|teams|bigbluebutton|partir|nouveau|l['’]occasion|cet|cette|ce |19|20|\d)/i;

/** A street address or a postcode where a name should end ("Délirium café 20 Rue la Tour d'Auvergne"). */
const ADDRESS_IN_NAME = new RegExp(
  `[\\s,–-]+(?:\\d{1,4}(?:\\s?(?:bis|ter))?\\s*,?\\s+(?:${STREET_WORDS})\\b|\\d{5}\\s).*$`,
  'iu',
);
/** Words that are never a place's whole name: articles and prepositions left by a sentence cut short. */
const NOT_A_NAME = /^(?:la|le|les|l|un|une|des|du|de|au|aux|à|a|en|chez|salle|amphi)$/i;

function cleanVenueName(raw: string): string | undefined {
  let name = squash(raw.replace(/[«»]/g, ''))
    .replace(/\*\*|__/g, '')
    .replace(ADDRESS_IN_NAME, '')
    .replace(/\s*\((?:salle|amphi|room|bâtiment|batiment)[^)]*\)/gi, '')
    .replace(/[,\s-]+(?:salle|amphi)\s+[\w°]+$/i, '')
    .replace(/^(?:l['’])(?=\p{L})/u, '')
    .replace(/[\s,.;:]+$/, '')
    .trim();
  if (name.length < 2 || name.length > 90 || NOT_A_PLACE.test(name) || NOT_A_NAME.test(fold(name).replace(/['’]$/, '')))
    return undefined;
  name = name.charAt(0).toUpperCase() + name.slice(1);
  return name;
}

const AFTER_TIME = /(?:à|a|vers|dès|des|de|partir de)\s+«?\s*\d{1,2}\s*(?:h|H|:)\s*(?:\d{2})?\s*»?/g;
const PREPOSITION =
  /^(?:[,\s]*)(?:(?:à|au|aux|chez|en)\s+(?:la\s+|l['’]|le\s+|les\s+)?|dans\s+(?:les\s+locaux|l['’]amphith[ée][aâ]tre|l['’]amphi|la\s+salle|les\s+salles|l['’]enceinte|le\s+hall)\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])?|sur\s+le\s+campus\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])?)/i;

/**
 * The place named right after the start time ("à **19h** au **Celtill**", "à 18h dans les locaux de
 * l'[Institut de la PME](…)"); `marked` tells whether it was set off as bold or a link, which makes it
 * more trustworthy than a run of plain words.
 */
function nameAfterTime(marked: string): { name: string; marked: boolean } | undefined {
  for (const time of marked.matchAll(AFTER_TIME)) {
    const rest = marked.slice(time.index + time[0].length);
    const end = rest.search(SENTENCE_END);
    const window = end === -1 ? rest.slice(0, 200) : rest.slice(0, end);
    const preposition = PREPOSITION.exec(window);
    if (!preposition) continue;
    const after = window.slice(preposition[0].length);
    const bold = /^«([^»]+)»/.exec(after);
    if (bold) {
      if (ROOM.test(bold[1]!)) {
        const owner =
          /^«[^»]+»\s*(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])«?([^«»,.]+(?:\([^)]*\)[^«»,.]*)?)»?/.exec(
            after,
          );
        const name = owner ? cleanVenueName(owner[1]!) : undefined;
        if (name) return { name, marked: true };
        continue;
      }
      const name = cleanVenueName(bold[1]!);
      if (name) return { name, marked: true };
    }
    const plain =
      /^([^,.(«]+?(?:«[^»]+»)?)(?=\s*(?:[,.(]|\bà\b|\bproche\b|\bpr[èe]s\b|\bqui\b|\bsitu[ée]|\ben face\b|\bet\b|$))/.exec(
        after,
      );
    if (plain) {
      const name = cleanVenueName(plain[1]!);
      if (name) return { name, marked: /«/.test(plain[1]!) };
    }
    const anyBold = /«([^»]+)»/.exec(window);
    const name = anyBold && !/\d{1,2}\s*h/i.test(anyBold[1]!) ? cleanVenueName(anyBold[1]!) : undefined;
    if (name) return { name, marked: true };
  }
  return undefined;
}

export interface VenueFacts {
  name?: string;
  address?: Address;
  coordinates?: MapPoint;
  /** The announcement says the event is (also) online. */
  online: boolean;
}

const ONLINE =
  /\b(en ligne|en visio|visioconference|visio-conference|a distance|distanciel|online|en direct sur|live sur|sur twitch|sur youtube|sur jitsi|sur zoom|sur discord|bigbluebutton|en streaming|retransmis)\b/;

/** All link targets in a Markdown text, in order: Markdown links, HTML src/href, bare URLs. */
export function linkTargets(markdown: string): string[] {
  const found: { index: number; url: string }[] = [];
  for (const match of markdown.matchAll(/\]\(\s*<?([^)\s>]+)>?[^)]*\)/g))
    found.push({ index: match.index, url: match[1]! });
  for (const match of markdown.matchAll(/\s(?:src|href)\s*=\s*(["'])(.*?)\1/gi))
    found.push({ index: match.index, url: decodeEntities(match[2]!) });
  for (const match of markdown.matchAll(/(?<![("'=\w/])(https?:\/\/[^\s)<>"'\]]+)/g))
    found.push({ index: match.index, url: match[1]! });
  return found.sort((a, b) => a.index - b.index).map(({ url }) => url.trim());
}

/** Where an event takes place, from its announcement: name, address and coordinates, and whether it is online. */
export function extractVenue(markdown: string): VenueFacts {
  const practical = practicalText(markdown);
  const marked = markedText(practical);
  const folded = fold(plainText(practical));
  let introName: string | undefined;
  let address: Address | undefined;

  const intro = /\badresse(?:\s+exacte)?(?:\s+(?:est|du lieu))?\s*:?\s*/i.exec(marked);
  if (intro) {
    const rest = marked.slice(intro.index + intro[0].length);
    const end = rest.search(SENTENCE_END);
    const phrase = (end === -1 ? rest : rest.slice(0, end)).trim();
    const split = /^«?([^«»\d]{2,80}?)»?\s+[-–]\s+(.*)$/.exec(phrase);
    if (split && /\d/.test(split[2]!)) {
      introName = cleanVenueName(split[1]!);
      address = parseAddress(split[2]!);
    } else {
      address = parseAddress(phrase);
    }
  }
  if (!address) address = findAddress(marked.replace(/[«»]/g, ''));
  const afterTime = nameAfterTime(marked);
  let name = afterTime?.marked ? afterTime.name : (introName ?? afterTime?.name);
  if (!name && intro) {
    const before = marked.slice(0, intro.index);
    const candidates = [...before.matchAll(/«([^»]+)»/g)]
      .map((match) => match[1]!)
      .filter((value) => !/\d/.test(value));
    if (candidates[0]) name = cleanVenueName(candidates[0]);
  }
  const coordinates =
    bestCoordinates(linkTargets(practical).filter(isMapUrl)) ?? bestCoordinates(linkTargets(markdown).filter(isMapUrl));
  return { name, address, coordinates, online: ONLINE.test(folded) };
}

/** An address anywhere in a text: a street ("12 rue…", "allée…") followed by a postcode and a city. */
export function findAddress(value: string): Address | undefined {
  const postcode = POSTCODE_CITY.exec(value);
  if (!postcode) return undefined;
  const before = value.slice(Math.max(0, postcode.index - 120), postcode.index);
  const numbered = [...before.matchAll(NUMBERED_STREET)].pop();
  const street = numbered ?? [...before.matchAll(ANY_STREET)].pop();
  if (!street) return undefined;
  const start = street.index + street[0].indexOf(street[1]!);
  const streetText = before
    .slice(start)
    .replace(/[\s,–-]+$/, '')
    .trim();
  if (streetText === '') return undefined;
  return { street: streetText, postcode: postcode[1], city: cleanCity(postcode[2]!) };
}

/** "Cet événement est limité à **50 personnes**", "jauge : 40", "30 places maximum". */
export function extractCapacity(markdown: string): number | undefined {
  const folded = fold(plainText(markdown));
  const patterns = [
    /limite(?:e|es|s)?\s+a\s+(\d{1,4})\s+(?:personnes|places|participant(?:e)?s|inscrit(?:e)?s|personnes)/,
    /(\d{1,4})\s+(?:places|personnes|participant(?:e)?s)\s+(?:maximum|max|disponibles|seulement|au maximum)/,
    /jauge\s*(?:de|:|est de|limitee a|maximale de|max(?:imale)?\s*:?)?\s*(\d{1,4})/,
    /capacite\s*(?:de|:|d'accueil de|maximale de|max(?:imale)?\s*:?)?\s*(\d{1,4})/,
    /(?:maximum|max\.?)\s*(?:de\s*)?(\d{1,4})\s+(?:personnes|places|participant)/,
  ];
  for (const pattern of patterns) {
    const match = pattern.exec(folded);
    const value = match ? Number(match[1]) : NaN;
    if (Number.isInteger(value) && value > 0 && value <= 5000) return value;
  }
  const registration = fold(plainText(registrationText(markdown)));
  const places = /\b(\d{1,4})\s+places\b/.exec(registration);
  return places ? Number(places[1]) : undefined;
}

/** The registration services the association used, by host. */
export function registrationProvider(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw.replace(/^\/\//, 'https://'));
  } catch {
    return undefined;
  }
  const host = url.hostname.replace(/^www\./, '');
  if (/(^|\.)eventbrite\.[a-z.]+$/.test(host)) return 'Eventbrite';
  if (host.includes('mobilizon') || /^\/events\/[0-9a-f-]{36}\/?$/.test(url.pathname)) return 'Mobilizon';
  if (host.endsWith('meetup.com')) return 'Meetup';
  if (host.endsWith('helloasso.com')) return 'HelloAsso';
  if (host.includes('weezevent')) return 'Weezevent';
  if (host.endsWith('billetweb.fr')) return 'Billetweb';
  if (host.endsWith('yurplan.com')) return 'Yurplan';
  if (host === 'lu.ma' || host === 'luma.com') return 'Luma';
  if (host.endsWith('framaforms.org')) return 'Framaforms';
  if (host === 'forms.gle' || (host === 'docs.google.com' && url.pathname.startsWith('/forms'))) return 'Google Forms';
  if (host === 'ti.to' || host.endsWith('tito.io')) return 'Tito';
  if (host.endsWith('pretix.eu')) return 'Pretix';
  if (host.endsWith('openagenda.com')) return 'OpenAgenda';
  if (host.endsWith('humanitix.com')) return 'Humanitix';
  return undefined;
}

/** A registration link as people should follow it: Eventbrite's embed becomes the event's page. */
export function registrationLink(raw: string): string {
  const value = raw.trim().replace(/^\/\//, 'https://');
  try {
    const url = new URL(value);
    const eid = url.searchParams.get('eid');
    if (/eventbrite\./.test(url.hostname) && url.pathname.includes('tickets-external') && eid)
      return `https://www.eventbrite.fr/e/${eid}`;
    return url.href;
  } catch {
    return value;
  }
}

/** The registration URL: a link to Eventbrite, Mobilizon, Meetup… in the registration section first, then anywhere. */
export function extractRegistrationUrl(markdown: string): string | undefined {
  for (const source of [registrationText(markdown), markdown]) {
    const links = linkTargets(source).filter((url) => registrationProvider(url));
    // A real link beats the embedded widget, which only carries the event id.
    const page = links.find((url) => !/tickets-external/.test(url)) ?? links[0];
    if (page) return registrationLink(page);
  }
  return undefined;
}

const STREAM_HOSTS =
  /(^|\.)(twitch\.tv|meet\.jit\.si|jitsi\.[a-z.]+|zoom\.us|discord\.gg|discord\.com|meet\.google\.com|teams\.microsoft\.com|whereby\.com|bbb\.[a-z.]+|bigbluebutton\.[a-z.]+|crowdcast\.io|streamyard\.com)$/;

/** The link to follow an online event (Twitch, Jitsi, YouTube live…), when the announcement says it is online. */
export function extractOnlineUrl(markdown: string, online: boolean): string | undefined {
  const links = linkTargets(practicalText(markdown)).concat(linkTargets(markdown));
  for (const raw of links) {
    let url: URL;
    try {
      url = new URL(raw.replace(/^\/\//, 'https://'));
    } catch {
      continue;
    }
    const host = url.hostname.replace(/^www\./, '');
    if (STREAM_HOSTS.test(host)) return url.href;
    if (
      online &&
      (host === 'youtube.com' || host === 'youtu.be') &&
      (url.pathname.startsWith('/live') ||
        url.pathname.startsWith('/c') ||
        url.pathname.startsWith('/@') ||
        url.pathname.startsWith('/channel') ||
        url.searchParams.has('v'))
    ) {
      return url.href;
    }
    if (online && /peertube|tube\./.test(host)) return url.href;
  }
  return undefined;
}

/** A link to the event's photos: Flickr's album from `flickr_set_id`, or a Flickr/Google Photos link in the body. */
export function extractPhotosUrl(
  markdown: string,
  flickrUser: string | undefined,
  flickrSet: string | undefined,
): string | undefined {
  if (flickrSet && flickrUser) return `https://www.flickr.com/photos/${flickrUser}/sets/${flickrSet}`;
  return linkTargets(markdown).find((url) =>
    /flickr\.com\/photos\/[^/]+\/(?:sets|albums)\/|photos\.app\.goo\.gl|photos\.google\.com\/share/.test(url),
  );
}

/** What two spellings of a place's name share: "Turing 22" and "Turing22", "Le Bivouac" and "Bivouac". */
export function compactVenueName(name: string): string {
  return fold(name)
    .replace(/^(?:le|la|les|l')\s*/, '')
    .replace(/[^a-z0-9]+/g, '');
}

/** The venue's identity across events: its address when known, else its name. */
export function venueKey(facts: { name?: string; address?: Address }): string | undefined {
  if (facts.address && /\d|\b(?:rue|avenue|allee|boulevard|place)\b/i.test(fold(facts.address.street)))
    return `address:${addressKey(facts.address)}`;
  if (facts.name) return `name:${slugify(facts.name)}`;
  return undefined;
}
