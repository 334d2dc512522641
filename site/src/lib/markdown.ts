import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { safeUrl } from './safe-url.ts';

const markdown = new Marked({ gfm: true, async: false });

/**
 * CMS text sits right under the page's h1: its headings become h2, h3… in the order of rank of the
 * levels it uses, so none is skipped (imported posts often start at ### ; screen-reader users
 * navigate by heading level, and a gap reads as missing content).
 */
function headingTransforms(html: string): Record<string, sanitizeHtml.Transformer> {
  const used = [...new Set([...html.matchAll(/<h([1-6])[\s>]/gi)].map((match) => Number(match[1])))].sort(
    (a, b) => a - b,
  );
  return Object.fromEntries(
    used.map((level, rank): [string, sanitizeHtml.Transformer] => [
      `h${level}`,
      (_tagName, attribs) => ({ tagName: `h${Math.min(rank + 2, 6)}`, attribs }),
    ]),
  );
}

const linkTo =
  (attribute: 'href' | 'src'): sanitizeHtml.Transformer =>
  (tagName, attribs) => {
    const { [attribute]: target, ...others } = attribs;
    const safe = safeUrl(target);
    return { tagName, attribs: safe ? { ...others, [attribute]: safe } : others };
  };

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'strong',
    'b',
    'em',
    'i',
    's',
    'del',
    'ins',
    'mark',
    'sub',
    'sup',
    'small',
    'abbr',
    'kbd',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'dl',
    'dt',
    'dd',
    'a',
    'img',
    'figure',
    'figcaption',
    'table',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
    'caption',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    abbr: ['title'],
    ol: ['start'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
    code: ['class'],
  },
  allowedClasses: { code: ['language-*'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  // Content of these is dropped along with the tag, not shown as text.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'svg', 'math', 'object', 'embed'],
  // Headings (the page title is the only h1) are renumbered per text by headingTransforms().
  transformTags: {
    a: linkTo('href'),
    img: linkTo('src'),
    // Legacy posts embed players; a plain link loads nothing from a third party.
    iframe: (_tagName, attribs): sanitizeHtml.Tag => {
      const href = safeUrl(attribs.src);
      if (!href) return { tagName: 'span', attribs: {}, text: '' };
      const host = new URL(href, 'https://site.invalid').hostname;
      return { tagName: 'a', attribs: { href }, text: `Voir le contenu intégré (${host})` };
    },
  },
};

/** Sanitises HTML from the CMS against a strict allowlist (no scripts, styles, frames, forms or event handlers). */
export function sanitize(html: string): string {
  return sanitizeHtml(html, {
    ...SANITIZE_OPTIONS,
    transformTags: { ...SANITIZE_OPTIONS.transformTags, ...headingTransforms(html) },
  });
}

/** Markdown from the CMS (which may contain HTML) to safe HTML. The only way CMS HTML reaches a page. */
export function renderMarkdown(source: string | null | undefined): string {
  if (!source) return '';
  return sanitize(markdown.parse(source, { async: false }));
}
