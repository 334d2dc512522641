import { sections } from './event-details.ts';
import { fold } from './text.ts';

/** A heading of an evening's page that announces a talk, with what it says about it. */
export interface ProgrammeHeading {
  /** Position among the page's headings (0-based). */
  index: number;
  /** The heading without its duration. */
  title: string;
  /** Minutes, from "• 30 min" or "(30 min)" at the heading's end. */
  duration?: number;
  /** The text under the heading, up to the next one. */
  content: string;
}

/** A talk to place in its evening's programme. */
export interface ProgrammeTalk {
  title: string;
  speakers: string[];
  /** Its file name without extension, which the page's `{% post_url %}` links name. */
  fileName: string;
}

const DURATION = /\s*(?:[•·|–-]\s*|\(\s*)(\d{1,3})\s*(?:min(?:utes?)?|mn)\.?\s*\)?\s*$/i;

/** The headings of a page, each with the duration it announces and the text under it. */
export function programmeHeadings(markdown: string): ProgrammeHeading[] {
  return sections(markdown)
    .filter((section) => section.title !== '')
    .map((section, index) => {
      const duration = DURATION.exec(section.title);
      const minutes = duration ? Number(duration[1]) : undefined;
      return {
        index,
        title: duration ? section.title.slice(0, duration.index).trim() : section.title,
        ...(minutes && minutes <= 600 ? { duration: minutes } : {}),
        content: section.content,
      };
    });
}

/** Words of a text for matching: case, accents and punctuation ignored. */
function words(value: string): string[] {
  return fold(value)
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((word) => word.length > 0);
}

/** How well a heading announces a talk, from 0 to 2: a link to its file, else its title's and speakers' words found in it. */
function score(talk: ProgrammeTalk, heading: ProgrammeHeading): number {
  if (heading.content.includes(talk.fileName)) return 2;
  const said = new Set(words(heading.title));
  const title = words(talk.title);
  if (title.length === 0) return 0;
  const titleShare = title.filter((word) => said.has(word)).length / title.length;
  const speakerWords = talk.speakers.flatMap(words);
  const speakerShare = speakerWords.length
    ? speakerWords.filter((word) => said.has(word)).length / speakerWords.length
    : 0;
  return titleShare >= 0.6 ? titleShare + speakerShare / 2 : 0;
}

/**
 * Which heading announces each talk (talk index → heading), matched tolerantly (punctuation, case,
 * accents; a link to the talk's page under the heading wins). Each heading announces one talk at most:
 * the best matches are taken first.
 */
export function matchProgramme(talks: ProgrammeTalk[], headings: ProgrammeHeading[]): Map<number, ProgrammeHeading> {
  const pairs: { talk: number; heading: ProgrammeHeading; score: number }[] = [];
  talks.forEach((talk, index) => {
    for (const heading of headings) {
      const value = score(talk, heading);
      if (value > 0) pairs.push({ talk: index, heading, score: value });
    }
  });
  pairs.sort((a, b) => b.score - a.score || a.heading.index - b.heading.index);
  const matched = new Map<number, ProgrammeHeading>();
  const used = new Set<number>();
  for (const pair of pairs) {
    if (matched.has(pair.talk) || used.has(pair.heading.index)) continue;
    matched.set(pair.talk, pair.heading);
    used.add(pair.heading.index);
  }
  return matched;
}

const HEADING_LINE = /^#{1,6}\s+(.*?)\s*#*\s*$/;
const PROGRAMME_TITLE = /^(au )?programme\b/;

/**
 * The page without what its structured talks now carry: the sections under the given headings
 * (positions as in `programmeHeadings`), and a "Programme" heading left with nothing under it.
 * The evening's page shows the programme once, from the talks.
 */
export function withoutProgramme(markdown: string, headings: ReadonlySet<number>): string {
  const kept: string[] = [];
  let index = -1;
  let skipping = false;
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    if (HEADING_LINE.test(line)) {
      index++;
      skipping = headings.has(index);
    }
    if (!skipping) kept.push(line);
  }
  return dropEmptyProgrammeHeadings(kept).join('\n');
}

function dropEmptyProgrammeHeadings(lines: string[]): string[] {
  return lines.filter((line, at) => {
    const heading = HEADING_LINE.exec(line);
    if (!heading || !PROGRAMME_TITLE.test(fold(heading[1]!))) return true;
    const next = lines.findIndex((other, position) => position > at && HEADING_LINE.test(other));
    const under = lines.slice(at + 1, next === -1 ? undefined : next);
    const nextIsDeeper = next !== -1 && depth(lines[next]!) > depth(line);
    return nextIsDeeper || under.some((text) => text.trim() !== '');
  });
}

function depth(headingLine: string): number {
  return /^#+/.exec(headingLine)?.[0].length ?? 0;
}

/** The positions of the headings of an evening's page that announce one of its talks (what `withoutProgramme` removes). */
export function announcedHeadings(markdown: string, talks: ProgrammeTalk[]): Set<number> {
  return new Set([...matchProgramme(talks, programmeHeadings(markdown)).values()].map((heading) => heading.index));
}
