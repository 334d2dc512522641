import { decodeEntities, fold, squash } from '../text.ts';

/** What a built page shows, read from its HTML: enough to compare it with the old page. */
export interface BuiltPage {
  /** Text of the page's h1. */
  title: string;
  /** `datetime` of each `<time>`. */
  times: string[];
  /** Visible text of the article (the page's content, without the site's header and footer). */
  text: string;
  /** `href` of each link of the article, in order. */
  links: string[];
  /** `src` of each image of the article, in order. */
  images: string[];
  /** The JSON-LD blocks, as text. */
  jsonLd: string[];
  /** Text of each code block (`<pre>`) of the article. */
  code: string[];
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  const value = match?.[1] ?? match?.[2] ?? match?.[3];
  return value === undefined ? undefined : decodeEntities(value);
}

/** Text a reader sees in some HTML: tags dropped, entities decoded, whitespace collapsed. */
export function visibleText(html: string): string {
  return squash(
    decodeEntities(
      html
        .replace(/<(script|style|template|noscript)\b[\s\S]*?<\/\1\s*>/gi, ' ')
        // Inline tags join what they wrap to its word (L'<strong>A</strong>ssociation); blocks separate.
        .replace(/<\/?(?:strong|em|b|i|a|span|code|sub|sup|small|abbr|mark|s|del|ins|kbd|q|cite)\b[^>]*>/gi, '')
        .replace(/<[^>]+>/g, ' '),
    ),
  );
}

/**
 * Reads a page the site built (the pages are the site's own, regular HTML; a tag-level reading is
 * enough). The article is the page's content; without one, the body.
 */
export function readBuiltPage(html: string): BuiltPage {
  const article = /<article\b[\s\S]*<\/article>/i.exec(html)?.[0] ?? /<body\b[\s\S]*<\/body>/i.exec(html)?.[0] ?? html;
  const h1 = /<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(html)?.[1] ?? '';
  return {
    title: visibleText(h1),
    times: [...html.matchAll(/<time\b[^>]*>/gi)].flatMap(([tag]) => attribute(tag, 'datetime') ?? []),
    text: visibleText(article),
    links: [...article.matchAll(/<a\b[^>]*>/gi)].flatMap(([tag]) => attribute(tag, 'href') ?? []),
    // The speakers' photos of an evening's programme are the site's, not images of the old page.
    images: [...article.replace(/<ol class="programme"[\s\S]*?<\/ol>/gi, ' ').matchAll(/<img\b[^>]*>/gi)].flatMap(
      ([tag]) => attribute(tag, 'src') ?? [],
    ),
    code: [...article.matchAll(/<pre\b[^>]*>([\s\S]*?)<\/pre>/gi)].map((match) =>
      decodeEntities(match[1]!.replace(/<[^>]+>/g, '')),
    ),
    jsonLd: [
      ...html.matchAll(/<script\b[^>]*type\s*=\s*["']?application\/ld\+json["']?[^>]*>([\s\S]*?)<\/script>/gi),
    ].map((match) => match[1]!),
  };
}

/** Words of a text for comparison: folded, letters only, four letters or more. */
export function significantWords(text: string): Set<string> {
  return new Set(
    fold(text)
      .replace(/[^a-z0-9]+/g, ' ')
      .split(' ')
      .filter((word) => word.length >= 4 && !/^\d+$/.test(word)),
  );
}
