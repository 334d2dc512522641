import { parse } from 'yaml';

/** Something the lenient reading of a front matter had to guess, at a line of the file (1-based). */
export interface FrontMatterRepair {
  line: number;
  message: string;
}

/** A Jekyll document split into its front matter and its body. */
export interface FrontMatterDocument {
  data: Record<string, unknown>;
  body: string;
  /** Lines that strict YAML refused and that were read as Jekyll (Ruby's libyaml) reads them, or guessed. */
  repairs: FrontMatterRepair[];
}

/** Thrown when a file's front matter cannot be read; the message is one line, without the file name. */
export class FrontMatterError extends Error {
  override name = 'FrontMatterError';
}

const OPENING = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/m;
/** Every scalar stays a string (YAML's failsafe schema); duplicate keys keep the last value, as in Jekyll. */
const YAML_OPTIONS = { schema: 'failsafe', uniqueKeys: false, prettyErrors: true } as const;

/** True when the text starts with a front-matter block (Jekyll only processes such files). */
export function hasFrontMatter(source: string): boolean {
  return OPENING.test(source);
}

function firstLine(error: unknown): string {
  // The line is reported on its own: the parser's "at line 2, column 1" counts from the front matter.
  return (error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)).replace(
    /\s+at line \d+, column \d+:?$/,
    '',
  );
}

function asMapping(value: unknown): Record<string, unknown> | undefined {
  if (value === null || value === undefined || value === '') return {};
  return typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** A top-level `key: value` of the front matter with the lines that continue it, and where it starts. */
interface Chunk {
  key: string;
  lines: string[];
  /** Line of the file (1-based) where the key is. */
  line: number;
}

const TOP_LEVEL_KEY = /^([^\s#:'"][^:]*?):(?:[ \t]|$)/;

/** True when `value` opens a quoted scalar that this line does not close. */
function opensQuote(value: string): '"' | "'" | undefined {
  const trimmed = value.trim();
  if (trimmed.startsWith('"')) {
    const closed = /^"(?:[^"\\]|\\.)*"/.test(trimmed);
    return closed ? undefined : '"';
  }
  if (trimmed.startsWith("'")) {
    const closed = /^'(?:[^']|'')*'/.test(trimmed);
    return closed ? undefined : "'";
  }
  return undefined;
}

function closesQuote(line: string, quote: '"' | "'"): boolean {
  return quote === '"' ? /^(?:[^"\\]|\\.)*"/.test(line) : /^(?:[^']|'')*'(?!')/.test(line);
}

/** Splits front matter into top-level keys, each with its continuation lines (indented, list items, an open quote). */
function chunks(yaml: string, firstFileLine: number): { chunks: Chunk[]; stray: number[] } {
  const result: Chunk[] = [];
  const stray: number[] = [];
  let open: '"' | "'" | undefined;
  yaml.split(/\r?\n/).forEach((line, index) => {
    const current = result[result.length - 1];
    if (open && current) {
      current.lines.push(line);
      if (closesQuote(line, open)) open = undefined;
      return;
    }
    const key = TOP_LEVEL_KEY.exec(line);
    if (key) {
      result.push({ key: key[1]!.trim(), lines: [line], line: firstFileLine + index });
      open = opensQuote(line.slice(key[0].length));
      return;
    }
    if (line.trim() === '' || line.trimStart().startsWith('#')) {
      current?.lines.push(line);
      return;
    }
    if (current && /^[\s-]/.test(line)) current.lines.push(line);
    else stray.push(firstFileLine + index);
  });
  return { chunks: result, stray };
}

/** What strict YAML refuses in one key and libyaml (Jekyll's parser) or a reader accepts, fixed in the text. */
function repairChunk(chunk: Chunk): { text: string; fixes: string[] } {
  const fixes: string[] = [];
  let lines = chunk.lines.map((line) => line.replace(/^\t+/, (tabs) => '  '.repeat(tabs.length)));
  if (lines.some((line, index) => line !== chunk.lines[index])) fixes.push('tabs used for indentation read as spaces');
  const head = TOP_LEVEL_KEY.exec(lines[0]!)!;
  const value = lines[0]!.slice(head[0].length);
  if (opensQuote(value) && lines.length > 1) {
    // libyaml accepts a quoted value continued on unindented lines; strict YAML wants them indented.
    lines = [lines[0]!, ...lines.slice(1).map((line) => (/^\s/.test(line) || line === '' ? line : `  ${line}`))];
    fixes.push(`the quoted value closes on line ${chunk.line + chunk.lines.length - 1}; read as one value`);
  } else if (
    lines.filter((line) => line.trim() !== '' && !line.trimStart().startsWith('#')).length === 1 &&
    value.trim() !== '' &&
    !/^\s*["'[{|>&*!]/.test(value)
  ) {
    // A plain value YAML cannot hold unquoted ("@someone", "`code`", "Titre : sous-titre"): read it as the text it shows.
    const plain = value.replace(/\s+#.*$/, '').trim();
    lines = [`${head[0]}'${plain.replace(/'/g, "''")}'`, ...lines.slice(1)];
    fixes.push(`the value "${plain}" read as text`);
  }
  return { text: lines.join('\n'), fixes };
}

/**
 * Reads a front matter as Jekyll would, where strict YAML refuses it: key by key, repairing what
 * libyaml accepts (a quoted title continued on the next line, tabs) and reading a plain value YAML
 * cannot hold as the text it shows. A key that still cannot be read is left out, and said so.
 */
function lenientParse(
  yaml: string,
  firstFileLine: number,
  strictError: string,
): { data: Record<string, unknown>; repairs: FrontMatterRepair[] } {
  const data: Record<string, unknown> = {};
  const repairs: FrontMatterRepair[] = [];
  const found = chunks(yaml, firstFileLine);
  for (const line of found.stray) repairs.push({ line, message: 'a line that belongs to no key was ignored' });
  for (const chunk of found.chunks) {
    let parsed: Record<string, unknown> | undefined;
    try {
      parsed = asMapping(parse(chunk.lines.join('\n'), YAML_OPTIONS));
    } catch {
      const repaired = repairChunk(chunk);
      try {
        parsed = asMapping(parse(repaired.text, YAML_OPTIONS));
        if (parsed)
          repairs.push({ line: chunk.line, message: `${chunk.key}: ${repaired.fixes.join('; ') || 'read leniently'}` });
      } catch (error) {
        repairs.push({ line: chunk.line, message: `${chunk.key}: unreadable (${firstLine(error)}); left out` });
        continue;
      }
    }
    if (parsed) Object.assign(data, parsed);
  }
  if (repairs.length === 0)
    repairs.push({ line: firstFileLine, message: `strict YAML refused it (${strictError}); read key by key` });
  return { data, repairs };
}

/**
 * Splits and parses a document's YAML front matter. Every scalar stays a string (YAML's failsafe
 * schema), so a YouTube id like `0123e45` or a title like `yes` is never turned into a number or a
 * boolean; empty values are `''`. Duplicate keys keep the last value, as Jekyll does. What strict
 * YAML refuses is read leniently, with a repair per line; only a block without a closing line throws.
 */
export function parseFrontMatter(source: string): FrontMatterDocument {
  const opening = OPENING.exec(source);
  if (!opening) return { data: {}, body: source, repairs: [] };
  const rest = source.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (!closing) throw new FrontMatterError('front matter has no closing "---" line');
  const yaml = rest.slice(0, closing.index);
  const body = rest.slice(closing.index + closing[0].length).replace(/^\r?\n/, '');
  let strict: unknown;
  try {
    strict = parse(yaml, YAML_OPTIONS);
  } catch (error) {
    const { data, repairs } = lenientParse(yaml, 2, firstLine(error));
    return { data, body, repairs };
  }
  const data = asMapping(strict);
  if (!data) throw new FrontMatterError('front matter is not a list of "key: value" lines');
  return { data, body, repairs: [] };
}
