import { encodeSpacedDestinations } from '../markdown.ts';
import { decodeEntities, plainText } from '../text.ts';

/** The links and images an old page showed, read from its Markdown as Kramdown did. */
export interface OldReferences {
  links: string[];
  images: string[];
}

/** Google's static maps stopped answering years ago; the importer keeps the link they wrapped, not the image. */
export const DEAD_IMAGE = /^(?:https?:)?\/\/maps\.googleapis\.com\/maps\/api\/staticmap/i;

/** The body without what never showed as text or as a link: code, scripts, embeds, Liquid tags. */
function shownMarkdown(body: string): string {
  return body
    .replace(/\r\n?/g, '\n')
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, ' ')
    .replace(/<(script|style|iframe)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<iframe\b[^>]*\/?>/gi, ' ');
}

/** Links (Markdown, reference definitions, HTML, autolinks) and images of an old page's body. */
export function oldReferences(body: string): OldReferences {
  const markdown = encodeSpacedDestinations(shownMarkdown(body));
  const links: string[] = [];
  const images: string[] = [];
  const bare = (url: string) => (url.startsWith('<') ? url.slice(1, -1) : url).trim();
  for (const match of markdown.matchAll(/!\[[^\][]*\]\(\s*(<[^>]*>|[^)\s]+)/g)) images.push(bare(match[1]!));
  // A destination may be a Liquid tag ({% post_url … %}), spaces included.
  for (const match of markdown.matchAll(
    /(?<!!)\[(?:[^\][]|!?\[[^\]]*\](?:\([^)\s]*\))?)*\]\(\s*(<[^>]*>|\{%[^%]*%\}|[^)\s]+)/g,
  ))
    links.push(bare(match[1]!));
  for (const match of markdown.matchAll(/^ {0,3}\[[^\]]+\]:\s*(\S+)/gm)) links.push(bare(match[1]!));
  for (const match of markdown.matchAll(/<a\b[^>]*\shref\s*=\s*(["'])(.*?)\1/gi)) links.push(decodeEntities(match[2]!));
  for (const match of markdown.matchAll(/<img\b[^>]*\ssrc\s*=\s*(["'])(.*?)\1/gi))
    images.push(decodeEntities(match[2]!));
  for (const match of markdown.matchAll(/<((?:https?|mailto):[^>\s]+)>/gi)) links.push(match[1]!);
  return {
    links: links.filter((url) => url !== '' && !url.startsWith('#')),
    images: images.filter((url) => !DEAD_IMAGE.test(url)),
  };
}

/** The text an old page's body showed (for the words check). */
export function oldText(body: string): string {
  return plainText(shownMarkdown(body).replace(/\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}/g, ' '));
}
