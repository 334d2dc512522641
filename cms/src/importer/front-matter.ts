import { parse } from 'yaml';

/** A Jekyll document split into its front matter and its body. */
export interface FrontMatterDocument {
  data: Record<string, unknown>;
  body: string;
}

/** Thrown when a file's front matter cannot be read; the message is one line, without the file name. */
export class FrontMatterError extends Error {
  override name = 'FrontMatterError';
}

const OPENING = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/m;

/** True when the text starts with a front-matter block (Jekyll only processes such files). */
export function hasFrontMatter(source: string): boolean {
  return OPENING.test(source);
}

/**
 * Splits and parses a document's YAML front matter. Every scalar stays a string (YAML's failsafe
 * schema), so a YouTube id like `0123e45` or a title like `yes` is never turned into a number or a
 * boolean; empty values are `''`. Duplicate keys keep the last value, as Jekyll does.
 */
export function parseFrontMatter(source: string): FrontMatterDocument {
  const opening = OPENING.exec(source);
  if (!opening) return { data: {}, body: source };
  const rest = source.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (!closing) throw new FrontMatterError('front matter has no closing "---" line');
  const yaml = rest.slice(0, closing.index);
  const body = rest.slice(closing.index + closing[0].length).replace(/^\r?\n/, '');
  let data: unknown;
  try {
    data = parse(yaml, { schema: 'failsafe', uniqueKeys: false, prettyErrors: true });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new FrontMatterError(`unparseable front matter: ${message}`);
  }
  if (data === null || data === undefined || data === '') return { data: {}, body };
  if (typeof data !== 'object' || Array.isArray(data)) throw new FrontMatterError('front matter is not a list of "key: value" lines');
  return { data: data as Record<string, unknown>, body };
}
