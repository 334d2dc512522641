/**
 * Step 3: the talks, each with its evening. A talk's file names its evening in several ways that
 * sometimes disagree: the majority wins, and a warning names the ones that lost.
 */
import { posix } from 'node:path';
import { findEventWhen, formatDate } from '../dates.ts';
import { practicalText } from '../event-details.ts';
import { splitAuthors } from '../people.ts';
import { chooseEvening, type EveningSignal } from '../talk-evening.ts';
import { decodeEntities, fold, plainText, slugify, squash, text } from '../text.ts';
import { jekyllPostPath, legacyPathVariants, newUrls, parsePostFileName, postCategories } from '../urls.ts';
import { issue, SlugRegistry, type Context, type Doc, type EventDraft, type TalkDraft } from './context.ts';

/** Finds the evening a talk's file names, among the events. */
class Evenings {
  private readonly byPath = new Map<string, EventDraft>();
  private readonly days = new Map<EventDraft, string | undefined>();
  private readonly context: Context;
  private readonly events: EventDraft[];

  constructor(context: Context, events: EventDraft[]) {
    this.context = context;
    this.events = events;
    for (const event of events)
      for (const variant of legacyPathVariants(event.legacyPath)) this.byPath.set(variant, event);
  }

  /** The day an event took place (Paris), as its announcement says, else its file's date. */
  private day(event: EventDraft): string | undefined {
    if (!this.days.has(event)) {
      const when =
        findEventWhen(plainText(practicalText(event.doc.body)), event.fileDate) ??
        findEventWhen(plainText(event.doc.body), event.fileDate);
      const day = when?.date ?? event.fileDate;
      this.days.set(event, day ? formatDate(day) : undefined);
    }
    return this.days.get(event);
  }

  /** The evening a `session_name` names: "Clermont'ech API Hour #21" by its number, else by its title. */
  private byName(name: string): EventDraft | undefined {
    const number = /#\s*(\d{1,4})\b/.exec(name)?.[1];
    const byNumber =
      number && /api\s*hour/i.test(name)
        ? this.events.filter((event) => event.kind === 'api-hour' && event.number === Number(number))
        : [];
    if (byNumber.length === 1) return byNumber[0];
    const byTitle = this.events.filter((event) => fold(event.title) === fold(name));
    return byTitle.length === 1 ? byTitle[0] : undefined;
  }

  /** What the file says, one signal per way of naming an evening (session_url, category, session_name, date) and which programme links to it. */
  private signals(doc: Doc, fileDate: string): EveningSignal<EventDraft>[] {
    const sessionUrl = text(doc.data.session_url)?.replace(/^https?:\/\/[^/]+/i, '');
    const category = postCategories(doc.path, doc.data).find((value) => /^api-hour-\d+$/i.test(value));
    const sessionName = text(doc.data.session_name);
    const fileName = posix.basename(doc.path).replace(/\.(md|markdown|mkd|html)$/i, '');
    const linking = this.events.filter((event) => event.doc.body.includes(fileName));
    const sameDay = this.events.filter((event) => this.day(event) === fileDate.slice(0, 10));
    const signals: EveningSignal<EventDraft>[] = [];
    if (linking.length === 1) signals.push({ source: 'programme', value: linking[0]!.doc.path, event: linking[0] });
    if (sessionUrl) signals.push({ source: 'session_url', value: sessionUrl, event: this.byPath.get(sessionUrl) });
    if (category)
      signals.push({
        source: 'category',
        value: category,
        event: this.byPath.get(`/api-hours/${category.toLowerCase()}.html`),
      });
    if (sessionName)
      signals.push({
        source: 'session_name',
        value: squash(decodeEntities(sessionName)),
        event: this.byName(squash(decodeEntities(sessionName))),
      });
    if (sameDay.length === 1) signals.push({ source: 'date', value: fileDate.slice(0, 10), event: sameDay[0] });
    return signals;
  }

  /** A talk's evening, by the majority of its signals; a warning names the signals that disagree. */
  of(doc: Doc, fileDate: string): EventDraft | undefined {
    const choice = chooseEvening(this.signals(doc, fileDate));
    if (!choice.event) {
      const sessionUrl = text(doc.data.session_url)?.replace(/^https?:\/\/[^/]+/i, '');
      issue(
        this.context,
        doc.path,
        'warning',
        `no imported event matches session_url ${sessionUrl ?? '(none)'}, its categories, session_name or date; the talk is not linked to an event`,
        'event',
        { key: ['session_url', 'session_name', 'categories', 'category'] },
      );
    } else if (choice.disagreeing.length > 0) {
      const describe = (list: EveningSignal<EventDraft>[]) =>
        list.map((signal) => `${signal.source} (${signal.value})`).join(', ');
      const first = choice.disagreeing[0]!;
      issue(
        this.context,
        doc.path,
        'warning',
        `evening fields disagree: ${describe(choice.disagreeing)} ${choice.disagreeing.length > 1 ? 'name' : 'names'} ${first.event!.title}, but ${describe(choice.agreeing)} name ${choice.event.title}; linked to ${choice.event.title}`,
        'event',
        first.source === 'programme' || first.source === 'date'
          ? 1
          : { key: first.source === 'category' ? ['categories', 'category'] : first.source },
      );
    }
    return choice.event;
  }
}

export function planTalks(context: Context, talkDocs: Doc[], events: EventDraft[]): TalkDraft[] {
  const permalink = text(context.config.permalink);
  const evenings = new Evenings(context, events);
  const slugs = new SlugRegistry();
  const talks: TalkDraft[] = [];
  for (const doc of talkDocs) {
    const name = parsePostFileName(doc.path)!;
    const rawTitle = text(doc.data.title);
    const title = rawTitle ? squash(decodeEntities(rawTitle)) : name.slug;
    if (!rawTitle) issue(context, doc.path, 'warning', 'no title; the file name is used', 'title', 1);
    const event = evenings.of(doc, name.date);
    const speakers = splitAuthors(text(doc.data.author));
    if (speakers.length === 0) issue(context, doc.path, 'warning', 'no author', 'speakers', 1);
    const slug = slugs.claim(slugify(title, 70) || slugify(name.slug));
    talks.push({
      doc,
      title,
      slug,
      legacyPath: jekyllPostPath(doc.path, doc.data, permalink),
      event,
      order: name.order,
      speakers,
      url: newUrls.talk(slug),
    });
    context.files.push({ file: doc.path, outcome: 'talk' });
  }
  return talks;
}
