import { decode } from 'html-entities';

/** Decodes HTML entities (`&#35;72` → `#72`, `&Eacute;` → `É`), as a browser would have shown them. */
export function decodeEntities(value: string): string {
  return decode(value, { level: 'html5' });
}

/** Lower case, without diacritics, with runs of whitespace as one space: for matching, never for display. */
export function fold(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/Œ/g, 'OE')
    .replace(/Æ/g, 'AE')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A URL-safe slug (`[a-z0-9-]`, at most `max` characters, cut at a dash). The association's name is
 * one word in its slugs (`clermontech-php`), as on the old site.
 */
export function slugify(value: string, max = 80): string {
  const slug = fold(decodeEntities(value))
    .replace(/clermont'ech/g, 'clermontech')
    .replace(/&/g, ' ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  const dash = cut.lastIndexOf('-');
  return (dash > max / 2 ? cut.slice(0, dash) : cut).replace(/-+$/, '');
}

/** The key two spellings of one person's name share: "Noël Martignoni" and "noel  martignoni". */
export function nameKey(name: string): string {
  return slugify(name, 150);
}

/** Collapses whitespace (newlines included) into single spaces. */
export function squash(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/**
 * Markdown and HTML to the text a reader sees: images and tags dropped, links reduced to their text,
 * emphasis markers and escapes removed, entities decoded, whitespace collapsed.
 */
export function plainText(markdown: string): string {
  return squash(
    decodeEntities(
      markdown
        .replace(/<(script|style|iframe)\b[\s\S]*?<\/\1\s*>/gi, ' ')
        .replace(/<iframe\b[^>]*\/?>/gi, ' ')
        .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
        .replace(/<br\s*\/?>/gi, ' ')
        .replace(/<[^>]+>/g, '')
        .replace(/\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}/g, '')
        // Bold may run over a line break (but not a paragraph's end), as the old site's wrapped text does.
        .replace(/(\*\*|__)((?:(?!\n\s*\n)[\s\S])*?)\1/g, '$2')
        .replace(/(^|[\s(])[*_](\S[^*_]*?)[*_](?=[\s).,;:!?]|$)/g, '$1$2')
        .replace(/^#{1,6}\s+/gm, '')
        .replace(/^\s*[-*+]\s+/gm, '')
        .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1'),
    ),
  );
}

/** The first paragraph of a Markdown text that is prose (not a heading, image, list or HTML block), as plain text. */
export function firstParagraph(markdown: string, max = 500): string | undefined {
  for (const block of markdown.split(/\n\s*\n/)) {
    const trimmed = block.trim();
    if (!trimmed || /^(#|<|!\[|\[!\[|[-*+]\s|\d+\.\s|\||```|\{%)/.test(trimmed)) continue;
    const text = plainText(trimmed);
    if (text.length < 20) continue;
    return truncate(text, max);
  }
  return undefined;
}

/** Cuts at a word boundary and adds an ellipsis when longer than `max`. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}

/** A value from front matter as a trimmed string, or undefined when absent or empty. */
export function text(value: unknown): string | undefined {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' || trimmed === '~' || trimmed === 'null' ? undefined : trimmed;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** A front-matter list (`[a, b]`, `a b`, or a single value) as strings. */
export function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => (text(item) ? [text(item)!] : []));
  const single = text(value);
  return single ? single.split(/\s+/) : [];
}
