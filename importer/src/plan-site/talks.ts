/** Step 6: the talks' entries, each evening's talks in the order its page listed them, with slides and video. */
import { matchProgramme, programmeHeadings } from '../programme.ts';
import type { FieldValue, PlannedEntry } from '../plan.ts';
import { cleanUrl } from '../people.ts';
import { fold, text, truncate } from '../text.ts';
import { parseVideo } from '../video.ts';
import {
  asset,
  issue,
  programmeTalk,
  ref,
  type Context,
  type Doc,
  type EventDraft,
  type TalkDraft,
} from './context.ts';
import { sitePath, type Links } from './links.ts';
import { recordSpeakers, type Speakers } from './people.ts';

interface Programme {
  positions: Map<TalkDraft, number>;
  durations: Map<TalkDraft, number>;
}

/** Each talk's place in its evening: the order the old page listed them in; talks it does not announce follow, by file name. */
function programmeOrder(context: Context, talks: TalkDraft[]): Programme {
  const talksByEvent = new Map<EventDraft | undefined, TalkDraft[]>();
  for (const talk of talks) talksByEvent.set(talk.event, [...(talksByEvent.get(talk.event) ?? []), talk]);
  const positions = new Map<TalkDraft, number>();
  const durations = new Map<TalkDraft, number>();
  for (const [event, list] of talksByEvent) {
    if (!event) continue;
    const matched = matchProgramme(list.map(programmeTalk), programmeHeadings(event.doc.body));
    const rank = (talk: TalkDraft): number => matched.get(list.indexOf(talk))?.index ?? 1000 + (talk.order ?? 0);
    const sorted = [...list].sort((a, b) => rank(a) - rank(b) || a.doc.path.localeCompare(b.doc.path));
    sorted.forEach((talk, index) => positions.set(talk, index + 1));
    list.forEach((talk, index) => {
      const heading = matched.get(index);
      if (heading?.duration) durations.set(talk, heading.duration);
      if (!heading && matched.size > 0) {
        issue(
          context,
          talk.doc.path,
          'warning',
          `not found among the headings of ${event.doc.path}; placed at #${positions.get(talk)} by its file name`,
          'position',
          { key: 'title' },
        );
      }
    });
  }
  return { positions, durations };
}

/** `slides_url`: a file of the old site to upload, or a link elsewhere. */
function slides(context: Context, doc: Doc): { slidesUrl: string | null; slidesFile: FieldValue } {
  const value = text(doc.data.slides_url);
  if (!value) return { slidesUrl: null, slidesFile: null };
  const local =
    value.startsWith('/') ||
    context.hosts.some((host) => new RegExp(`^https?://${host.replace(/\./g, '\\.')}/`, 'i').test(value));
  if (local) {
    const path = sitePath(value.replace(/^https?:\/\/[^/]+/i, ''));
    if (context.site.files.has(path)) return { slidesUrl: null, slidesFile: asset(path) };
    issue(context, doc.path, 'warning', `missing referenced file /${path} (slides_url)`, 'slidesUrl', {
      key: 'slides_url',
    });
    return { slidesUrl: null, slidesFile: null };
  }
  const slidesUrl = cleanUrl(value) ?? null;
  if (!slidesUrl)
    issue(context, doc.path, 'warning', `slides_url "${value}" is not a web address; ignored`, 'slidesUrl', {
      key: 'slides_url',
    });
  return { slidesUrl, slidesFile: null };
}

function talkEntry(
  context: Context,
  talk: TalkDraft,
  speakerKeys: string[],
  programme: Programme,
  links: Links,
): PlannedEntry {
  const { doc } = talk;
  const { slidesUrl, slidesFile } = slides(context, doc);
  const videoValue = text(doc.data.video) ?? text(doc.data.video_url) ?? text(doc.data.youtube);
  const video = parseVideo(videoValue, text(doc.data.video_start) ?? text(doc.data.video_time) ?? text(doc.data.start));
  if (videoValue && !video)
    issue(
      context,
      doc.path,
      'warning',
      `video "${videoValue}" is neither a YouTube id nor a URL; ignored`,
      'videoUrl',
      { text: videoValue },
    );
  const language = fold(text(doc.data.lang) ?? text(doc.data.language) ?? 'fr').startsWith('en') ? 'en' : 'fr';
  return {
    type: 'talk',
    key: talk.legacyPath,
    label: talk.title,
    sources: [doc.path],
    data: {
      title: truncate(talk.title, 200),
      slug: talk.slug,
      abstract: links.rewrite(doc, doc.body, 'abstract', talk.legacyPath) || null,
      speakers: speakerKeys.map((key) => ref('speaker', key)),
      event: talk.event ? ref('event', talk.event.legacyPath) : null,
      position: programme.positions.get(talk) ?? null,
      duration: programme.durations.get(talk) ?? null,
      slidesUrl,
      slidesFile,
      videoUrl: video?.url ?? null,
      videoStart: video?.start ?? null,
      language,
      legacyPath: talk.legacyPath,
    },
  };
}

/** The talks' entries, in file order; their speakers are gathered into `speakers`. */
export function addTalkEntries(
  context: Context,
  talks: TalkDraft[],
  links: Links,
  speakers: Speakers,
  entries: PlannedEntry[],
): void {
  const programme = programmeOrder(context, talks);
  for (const talk of talks)
    entries.push(talkEntry(context, talk, recordSpeakers(context, speakers, talk, links), programme, links));
}
