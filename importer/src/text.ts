import { decodeEntities } from '@clermontech/config';

export { decodeEntities, fold, nameKey, slugify } from '@clermontech/config';

/** Collapses whitespace (newlines included) into single spaces. */
export function squash(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** Markdown and HTML without what a reader does not see as text: scripts, styles, frames and images. */
export function withoutEmbeds(markdown: string): string {
  return markdown
    .replace(/<(script|style|iframe)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<iframe\b[^>]*\/?>/gi, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ');
}

/**
 * Markdown and HTML to the text a reader sees: images and tags dropped, links reduced to their text,
 * emphasis markers and escapes removed, entities decoded, whitespace collapsed.
 */
export function plainText(markdown: string): string {
  return squash(
    decodeEntities(
      withoutEmbeds(markdown)
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
