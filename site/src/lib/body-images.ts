import { escapeHtml } from './escape-html.ts';

/** A CMS image processed for the site: where the site serves it, and its size. */
export interface LocalImage {
  src: string;
  width?: number | undefined;
  height?: number | undefined;
}

const IMAGE = /<img\s[^>]*>/g;
const SRC = /\ssrc="([^"]*)"/;

function decodeAttribute(value: string): string {
  return value
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

function setAttribute(tag: string, name: string, value: string | number | undefined): string {
  if (value === undefined || new RegExp(`\\s${name}="`).test(tag)) return tag;
  return tag.replace(/\s*\/?>$/, ` ${name}="${escapeHtml(String(value))}">`);
}

/**
 * Images that CMS text (sanitised HTML) takes from the CMS's uploads, served by the site instead:
 * the admin's Markdown editor writes media as absolute CMS URLs, which the site's CSP (img-src
 * 'self') blocks and which would make every reader fetch full-size originals from the CMS.
 * `localize` processes one (Astro's getImage). An image it can't get is replaced by its alt text and
 * reported through `warn`: one missing file must not fail the whole site's build.
 */
export async function localizeCmsImages(
  html: string,
  cmsUrl: string,
  localize: (src: string) => Promise<LocalImage>,
  warn: (message: string) => void,
): Promise<string> {
  const cmsOrigin = new URL(cmsUrl).origin;
  const tags = [...new Set(html.match(IMAGE) ?? [])];
  const replacements = new Map<string, string>();
  for (const tag of tags) {
    const src = SRC.exec(tag)?.[1];
    if (src === undefined) continue;
    const url = new URL(decodeAttribute(src), cmsUrl);
    if (url.origin !== cmsOrigin || !url.pathname.startsWith('/uploads/')) continue;
    try {
      const image = await localize(url.href);
      let local = tag.replace(SRC, ` src="${escapeHtml(image.src)}"`);
      local = setAttribute(local, 'width', image.width);
      local = setAttribute(local, 'height', image.height);
      local = setAttribute(local, 'loading', 'lazy');
      local = setAttribute(local, 'decoding', 'async');
      replacements.set(tag, local);
    } catch (error) {
      warn(`image ${url.pathname} left out: ${(error as Error).message.split('\n')[0]}`);
      const alt = /\salt="([^"]*)"/.exec(tag)?.[1] ?? '';
      replacements.set(tag, alt ? `<span>${alt}</span>` : '');
    }
  }
  return replacements.size === 0 ? html : html.replace(IMAGE, (tag) => replacements.get(tag) ?? tag);
}
