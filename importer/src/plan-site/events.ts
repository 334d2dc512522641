/**
 * Step 5: the events, every field their announcement lets us extract (date and time in Paris, venue,
 * status, admission, capacity, links), and their groups. What is missing or guessed is reported.
 */
import { extractAdmission, extractStatus } from '../admission.ts';
import { findEventWhen, formatDate, formatTime, parisToUtc } from '../dates.ts';
import {
  extractCapacity,
  extractOnlineUrl,
  extractPhotosUrl,
  extractRegistrationUrl,
  extractVenue,
  practicalText,
  sections,
} from '../event-details.ts';
import type { PlannedEntry } from '../plan.ts';
import { announcedHeadings, withoutProgramme } from '../programme.ts';
import { firstParagraph, plainText, text, truncate } from '../text.ts';
import {
  asset,
  issue,
  programmeTalk,
  ref,
  type Context,
  type EventDraft,
  type GroupDraft,
  type TalkDraft,
} from './context.ts';
import type { Links } from './links.ts';
import { recordVenue, type Venues } from './venues.ts';

/** A multi-day event whose announcement gives no end time is assumed to end its last day at this hour (Paris). */
const MULTI_DAY_END = { hour: 18, minute: 0 };

/** Evening events without a time in their announcement are assumed to start at this hour (Paris). */
const DEFAULT_START = { hour: 19, minute: 0 };

/** When the event starts and ends, in UTC: from its practical section, else its whole text, else its file's date. */
function eventTimes(context: Context, event: EventDraft): { startsAt: string | null; endsAt: string | null } {
  const { doc } = event;
  const practical = plainText(practicalText(doc.body));
  const when = findEventWhen(practical, event.fileDate) ?? findEventWhen(plainText(doc.body), event.fileDate);
  if (!when) {
    if (!event.fileDate) return { startsAt: null, endsAt: null };
    issue(
      context,
      doc.path,
      'warning',
      `no date found in the text; used the file's date ${formatDate(event.fileDate)} at ${formatTime(DEFAULT_START)} (Paris)`,
      'startsAt',
      1,
    );
    return { startsAt: parisToUtc(event.fileDate, DEFAULT_START).toISOString(), endsAt: null };
  }
  for (const note of when.notes) issue(context, doc.path, 'warning', note, 'startsAt', { prose: when.mention });
  const start = when.start ?? DEFAULT_START;
  if (!when.start)
    issue(
      context,
      doc.path,
      'warning',
      `no start time found; assumed ${formatTime(DEFAULT_START)} (Paris) on ${formatDate(when.date)}`,
      'startsAt',
      { prose: when.mention },
    );
  const startsAt = parisToUtc(when.date, start).toISOString();
  if (when.lastDate) {
    // Several days: the event ends on the last one, at the time each day ends.
    const end = when.end ?? MULTI_DAY_END;
    if (!when.end)
      issue(
        context,
        doc.path,
        'warning',
        `runs until ${formatDate(when.lastDate)}; no end time found, ${formatTime(MULTI_DAY_END)} (Paris) assumed`,
        'endsAt',
        { prose: when.mention },
      );
    return { startsAt, endsAt: parisToUtc(when.lastDate, end).toISOString() };
  }
  return { startsAt, endsAt: when.end ? parisToUtc(when.date, when.end).toISOString() : null };
}

/** One event's entry; its venue is recorded in `venues`. */
function eventEntry(
  context: Context,
  event: EventDraft,
  talks: TalkDraft[],
  links: Links,
  venues: Venues,
): PlannedEntry {
  const { doc } = event;
  const missing = (field: string, message: string) => issue(context, doc.path, 'info', message, field);
  const { startsAt, endsAt } = eventTimes(context, event);

  const venue = extractVenue(doc.body);
  const key = recordVenue(venues, doc, venue);
  if (!venue.name && !venue.online) missing('venue', 'no venue name found');
  if (!venue.address && !venue.online) missing('venue.address', 'no street address found');
  if (!venue.coordinates && !venue.online) missing('venue.coordinates', 'no map link or embed with coordinates');

  const admission = extractAdmission(doc.body);
  const status = extractStatus(event.title, doc.body);
  if (status.status !== 'prevu') {
    issue(
      context,
      doc.path,
      'warning',
      `status read as "${status.status}" from "${status.evidence ?? ''}"`,
      'eventStatus',
      status.evidence ? { prose: status.evidence } : 1,
    );
  }
  const capacity = extractCapacity(doc.body);
  if (capacity === undefined) missing('capacity', 'no capacity ("limité à N personnes") found');
  const registrationUrl = extractRegistrationUrl(doc.body);
  if (!registrationUrl) missing('registrationUrl', 'no registration link (Eventbrite, Mobilizon, Meetup…) found');
  const onlineUrl = extractOnlineUrl(doc.body, venue.online);
  if (venue.online && !onlineUrl) missing('onlineUrl', 'the event is online but no link to follow it was found');

  const coverValue = text(doc.data.mascotte_img) ?? text(doc.data.image) ?? text(doc.data.cover);
  const coverPath = coverValue ? links.frontMatterImage(doc, coverValue, 'images', 'cover') : undefined;
  const intro = sections(doc.body)[0];
  const summary = intro && intro.title === '' ? firstParagraph(intro.content, 500) : undefined;

  // The talks it announces are shown from their own entries: their sections leave the description.
  const eventTalks = talks.filter((talk) => talk.event === event).map(programmeTalk);
  const announced = announcedHeadings(doc.body, eventTalks);

  return {
    type: 'event',
    key: event.legacyPath,
    label: event.title,
    sources: [doc.path],
    data: {
      title: truncate(event.title, 200),
      slug: event.slug,
      kind: event.kind,
      number: event.number ?? null,
      startsAt,
      endsAt,
      venue: key ? ref('venue', key) : null,
      eventStatus: status.status,
      admission: admission.admission ?? null,
      price: admission.price ?? null,
      onlineUrl: onlineUrl ?? null,
      capacity: capacity ?? null,
      registrationUrl: registrationUrl ?? null,
      summary: summary ?? null,
      description: links.rewrite(doc, withoutProgramme(doc.body, announced), 'description', event.legacyPath),
      group: event.groupKey ? ref('group', event.groupKey) : null,
      photosUrl: extractPhotosUrl(doc.body, text(context.config.flickr_id), text(doc.data.flickr_set_id)) ?? null,
      cover: coverPath ? asset(coverPath) : null,
      legacyPath: event.legacyPath,
    },
  };
}

/** The events' entries, in file order; their venues are gathered into `venues`. */
export function addEventEntries(
  context: Context,
  events: EventDraft[],
  talks: TalkDraft[],
  links: Links,
  venues: Venues,
  entries: PlannedEntry[],
): void {
  for (const event of [...events].sort((a, b) => a.doc.path.localeCompare(b.doc.path)))
    entries.push(eventEntry(context, event, talks, links, venues));
}

/** The groups whose evenings were found, put before the events that link to them. */
export function addGroupEntries(groups: Map<string, GroupDraft>, entries: PlannedEntry[]): void {
  for (const [key, group] of groups) {
    entries.unshift({
      type: 'group',
      key,
      label: group.name,
      sources: group.sources,
      data: { name: group.name, slug: key, technology: group.technology ?? null },
    });
  }
}
