import { fold } from './text.ts';

/** A day on the calendar, without a time zone. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** A wall-clock time. */
export interface ClockTime {
  hour: number;
  minute: number;
}

/** When an event takes place, as written in its announcement. */
export interface EventWhen {
  date: CalendarDate;
  start?: ClockTime;
  end?: ClockTime;
  /** What was changed from the prose (a year taken from the file name, a typo corrected…). */
  notes: string[];
  /** The words of the prose the date was read from, as folded text (for the report's line numbers). */
  mention: string;
  /** The last day, when the event spans several ("les 23 et 24 mai", "du 3 au 5 juillet"). */
  lastDate?: CalendarDate;
}

// The old site's dates are Paris wall-clock times; the conversion is shared with the demo and the site.
export { parisToUtc } from '@clermontech/config';

const MONTHS: [RegExp, number][] = [
  [/^janv/, 1],
  [/^fev/, 2],
  [/^mars/, 3],
  [/^avr/, 4],
  [/^mai/, 5],
  [/^juin/, 6],
  [/^juil/, 7],
  [/^aout/, 8],
  [/^sept/, 9],
  [/^oct/, 10],
  [/^nov/, 11],
  [/^dec/, 12],
];

const WEEKDAYS: Record<string, number> = {
  dimanche: 0,
  lundi: 1,
  mardi: 2,
  mercredi: 3,
  mecredi: 3,
  mercedi: 3,
  jeudi: 4,
  vendredi: 5,
  samedi: 6,
};

const WEEKDAY = '(lundi|mardi|mercredi|mecredi|mercedi|jeudi|vendredi|samedi|dimanche)';
const MONTH =
  '(janvier|janv\\.?|fevrier|fevr?\\.?|mars|avril|avr\\.?|mai|juin|juillet|juil\\.?|aout|septembre|sept\\.?|octobre|oct\\.?|novembre|nov\\.?|decembre|dec\\.?)';
/** "mardi 3 mars 2020", "1er février", "16 Décembre 2014", on folded (lower-case, unaccented) text. */
const WRITTEN_DATE = new RegExp(
  `(?:\\b${WEEKDAY}\\s+)?\\b(\\d{1,2})(?:\\s*(?:er|eme|e))?\\s+${MONTH}(?:\\s+(\\d{4}))?(?![\\d])`,
  'g',
);
/** "03/04/2020", "3.4.2020". */
const NUMERIC_DATE =
  /(?:\b(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b/g;
/** "19h", "19h00", "19 h 30", "18H30", "19:00", "19 heures". */
const TIME = /(?<![\d:])([01]?\d|2[0-3])\s*(?:h|heures?|:)\s*([0-5]\d)?(?![\d])/;
const END_TIME = /^\s*(?:-|–|à|a|jusqu'a|jusqu'à)\s*([01]?\d|2[0-3])\s*(?:h|heures?|:)\s*([0-5]\d)?(?![\d])/;

const ANNOUNCES =
  /(aura lieu|auront lieu|a lieu|ont lieu|se deroulera|se derouleront|se tiendra|se passera|rendez-vous|vous attend|vous donnons rendez|organisons|prochain api hour|prochaine soiree)/;
const NOT_THE_EVENT =
  /(ouverture|ouvrent|ouvriront|ouvert(?:es)?\b|inscriptions? (?:a partir|des le|le)|jusqu'au|avant le|publie|cloture|date limite|deadline)[^.]{0,40}$/;

function monthNumber(token: string): number | undefined {
  return MONTHS.find(([pattern]) => pattern.test(token))?.[1];
}

/** Day of the week (0 = Sunday) of a calendar date. */
export function weekday(date: CalendarDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

function isValid(date: CalendarDate): boolean {
  const probe = new Date(Date.UTC(date.year, date.month - 1, date.day));
  return (
    probe.getUTCFullYear() === date.year && probe.getUTCMonth() === date.month - 1 && probe.getUTCDate() === date.day
  );
}

function dayNumber(date: CalendarDate): number {
  return Date.UTC(date.year, date.month - 1, date.day) / 86_400_000;
}

export function formatDate(date: CalendarDate): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

export function formatTime(time: ClockTime): string {
  return `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`;
}

/** A date found in prose, before its year is settled. */
export interface DateMention {
  index: number;
  length: number;
  day: number;
  month: number;
  year?: number;
  weekday?: number;
}

/** Every date written in French in `text` (already folded), in order. */
export function findDateMentions(folded: string): DateMention[] {
  const mentions: DateMention[] = [];
  for (const match of folded.matchAll(WRITTEN_DATE)) {
    const month = monthNumber(match[3]!);
    if (!month) continue;
    mentions.push({
      index: match.index,
      length: match[0].length,
      day: Number(match[2]),
      month,
      year: match[4] ? Number(match[4]) : undefined,
      weekday: match[1] ? WEEKDAYS[match[1]] : undefined,
    });
  }
  for (const match of folded.matchAll(NUMERIC_DATE)) {
    const month = Number(match[3]);
    if (month < 1 || month > 12) continue;
    mentions.push({
      index: match.index,
      length: match[0].length,
      day: Number(match[2]),
      month,
      year: Number(match[4]),
      weekday: match[1] ? WEEKDAYS[match[1]] : undefined,
    });
  }
  return mentions.sort((a, b) => a.index - b.index);
}

/** The first time written in `folded`, and an end time right after it ("de 19h à 21h30"). */
export function findTimes(folded: string): { start?: ClockTime; end?: ClockTime } {
  const match = TIME.exec(folded);
  if (!match) return {};
  const start = { hour: Number(match[1]), minute: match[2] ? Number(match[2]) : 0 };
  const after = folded.slice(match.index + match[0].length);
  const endMatch = END_TIME.exec(after);
  const end = endMatch ? { hour: Number(endMatch[1]), minute: endMatch[2] ? Number(endMatch[2]) : 0 } : undefined;
  return { start, end };
}

/**
 * Settles the year of a mentioned date. Without a year in the prose, the file's year is used (the
 * next one when that would put the event months before its announcement). A weekday that does not
 * match the written year but matches the file's year, or the next, wins: "mercredi 1er février 2016"
 * announced in January 2017 is in 2017.
 */
export function resolveYear(
  mention: DateMention,
  fileDate: CalendarDate | undefined,
): { date: CalendarDate; notes: string[] } | undefined {
  const notes: string[] = [];
  const at = (year: number): CalendarDate => ({ year, month: mention.month, day: mention.day });
  if (mention.year !== undefined) {
    const written = at(mention.year);
    if (!isValid(written)) return undefined;
    if (mention.weekday !== undefined && weekday(written) !== mention.weekday && fileDate) {
      const fixed = [fileDate.year, fileDate.year + 1]
        .map(at)
        .find((date) => isValid(date) && weekday(date) === mention.weekday);
      if (fixed && fixed.year !== written.year) {
        notes.push(
          `the prose says ${formatDate(written)}, which is not a ${weekdayName(mention.weekday)}; used ${formatDate(fixed)}`,
        );
        return { date: fixed, notes };
      }
    }
    return { date: written, notes };
  }
  if (!fileDate) return undefined;
  let date = at(fileDate.year);
  if (isValid(date) && dayNumber(date) < dayNumber(fileDate) - 60) date = at(fileDate.year + 1);
  if (!isValid(date)) return undefined;
  notes.push(`no year in the prose; used ${date.year} from the file name`);
  return { date, notes };
}

function weekdayName(day: number): string {
  return Object.keys(WEEKDAYS).find((name) => WEEKDAYS[name] === day) ?? String(day);
}

/**
 * Finds when an event takes place in the plain text of its announcement ("Cet événement aura lieu le
 * **lundi 29 juin** à **19h**"). Dates introduced as the event's ("aura lieu le…") win over the
 * others; dates of registration openings ("Ouverture des places le…") are skipped. `fileDate` is the
 * date in the file name, used when the prose omits the year.
 */
export function findEventWhen(plain: string, fileDate: CalendarDate | undefined): EventWhen | undefined {
  const folded = fold(plain);
  const mentions = findDateMentions(folded);
  let best: { mention: DateMention; score: number } | undefined;
  for (const mention of mentions) {
    const before = folded.slice(Math.max(0, mention.index - 80), mention.index);
    let score = 0;
    if (ANNOUNCES.test(before)) score += 2;
    if (NOT_THE_EVENT.test(before)) score -= 3;
    if (!best || score > best.score) best = { mention, score };
  }
  if (!best || best.score < 0) return undefined;
  const chosen = best.mention;
  let resolved = resolveYear(chosen, fileDate);
  if (!resolved) return undefined;
  let lastDate: CalendarDate | undefined;
  // "les 23 et 24 mai 2016", "du 3 au 5 juillet": the date found is the last day; the first is before it.
  const before = /\b(\d{1,2})(?:\s*er)?\s*(?:et|au|-|–)\s*$/.exec(
    folded.slice(Math.max(0, chosen.index - 16), chosen.index),
  );
  const firstDay = before ? Number(before[1]) : undefined;
  if (firstDay !== undefined && firstDay >= 1 && firstDay < resolved.date.day) {
    lastDate = resolved.date;
    resolved = {
      date: { ...resolved.date, day: firstDay },
      notes: resolved.notes.filter((note) => !/which is not a/.test(note)),
    };
  }
  let rest = folded.slice(chosen.index + chosen.length);
  // "du 3 juin au 5 juin 2020", "3 juin - 5 juin": a second date right after is the last day.
  const after = /^\s*(?:au|-|–)\s*/.exec(rest);
  const next = after
    ? mentions.find((mention) => mention.index === chosen.index + chosen.length + after[0].length)
    : undefined;
  const nextDate = next ? resolveYear(next, fileDate)?.date : undefined;
  if (nextDate && formatDate(nextDate) > formatDate(resolved.date)) {
    lastDate = nextDate;
    rest = folded.slice(next!.index + next!.length);
  }
  const sentenceEnd = rest.search(/\.\s|\n\n|!\s|\?\s/);
  const window = rest.slice(0, Math.min(sentenceEnd === -1 ? rest.length : sentenceEnd, 120));
  const { start, end } = findTimes(window);
  return {
    date: resolved.date,
    start,
    end,
    notes: resolved.notes,
    mention: folded.slice(chosen.index, chosen.index + chosen.length),
    ...(lastDate ? { lastDate } : {}),
  };
}

/** `2013-04-03` from a Jekyll file name, or undefined. */
export function parseIsoDate(value: string): CalendarDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return undefined;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return isValid(date) ? date : undefined;
}
