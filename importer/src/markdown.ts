import { posix } from 'node:path';
import { coordinatesFromUrl, isMapUrl } from './geo.ts';
import { flattenHtmlBlocks } from './html-blocks.ts';
import { decodeEntities, text } from './text.ts';

/** A file of the Jekyll site referenced by a body, written as `jekyll-asset:<path>` until it is uploaded. */
export const ASSET_SCHEME = 'jekyll-asset:';

export interface RewriteContext {
  /** The path Jekyll published the document at, against which relative links resolve. */
  documentPath: string;
  /** New URL of the post named in `{% post_url <name> %}` (its file name without the extension). */
  postUrl(name: string): string | undefined;
  /** New URL of a page of the old site (`/api-hours/api-hour-3.html`), if it was imported. */
  pageUrl(path: string): string | undefined;
  /** New URL of the document at a source path (`{% link _posts/… %}`). */
  fileUrl(path: string): string | undefined;
  /** Whether the site has this file (a path relative to the site's root). */
  hasFile(path: string): boolean;
  /** `site.*` and `page.*` for `{{ … }}`. */
  site: Record<string, unknown>;
  page: Record<string, unknown>;
  /** Host names of the old site: absolute links to them are treated as internal. */
  oldHosts: string[];
}

export interface RewriteIssue {
  message: string;
  /** Text of the source the issue is about, to find its line. */
  near?: string;
}

export interface RewriteResult {
  markdown: string;
  /** Site files the body references, to upload (paths relative to the site's root). */
  assets: string[];
  issues: RewriteIssue[];
}

const FILE_EXTENSION =
  /\.(png|jpe?g|gif|svg|webp|avif|bmp|ico|pdf|odp|pptx?|key|zip|tar\.gz|mp4|webm|mp3|ogg|txt|csv)$/i;

/**
 * Turns a Jekyll Markdown body into plain Markdown the CMS can keep: Liquid tags resolved
 * (`{% post_url %}`, `{% link %}`, `{{ site.x }}`, `{% highlight %}`), links to old pages pointed at
 * their new URLs, the site's own files marked for upload, iframes and dead static-map images turned
 * into ordinary links. Fenced code and `{% raw %}` blocks are left alone.
 */
export function rewriteBody(markdown: string, context: RewriteContext): RewriteResult {
  const assets = new Set<string>();
  const issues: RewriteIssue[] = [];
  const protectedParts: string[] = [];
  const protect = (value: string) => `\u0000${protectedParts.push(value) - 1}\u0000`;

  let body = markdown.replace(/\r\n?/g, '\n');
  body = body.replace(/\{%-?\s*raw\s*-?%\}([\s\S]*?)\{%-?\s*endraw\s*-?%\}/g, (_whole, inner: string) =>
    protect(inner),
  );
  body = body.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, (block) => protect(block));
  body = resolveLiquid(body, context, issues, protect);
  body = body.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, (block) => protect(block));

  const rewrite = (url: string) => rewriteUrl(url, context, assets, issues);

  body = body.replace(/<script\b[\s\S]*?<\/script\s*>/gi, () => {
    issues.push({ message: 'a <script> (an embed that only ran on the old site) was removed', near: '<script' });
    return '';
  });
  body = flattenHtmlBlocks(body);
  body = replaceIframes(body, issues);
  body = unwrapCenter(body);
  body = replaceStaticMaps(body);
  body = encodeSpacedDestinations(body);
  // Images first, then links: an image inside a link ([![logo](/images/x.png)](https://…)) is
  // rewritten by the first pass, which the second would otherwise swallow whole.
  const destination = (_whole: string, head: string, url: string, tail: string) => {
    const bare = url.startsWith('<') ? url.slice(1, -1) : url;
    return `${head}${rewrite(bare)}${tail}`;
  };
  body = body.replace(/(!\[[^\][]*\]\(\s*)(<[^>]*>|[^)\s]+)((?:\s+(?:"[^"]*"|'[^']*'))?\s*\))/g, destination);
  body = body.replace(
    /((?<!!)\[(?:[^\][]|!?\[[^\]]*\](?:\([^)\s]*\))?)*\]\(\s*)(<[^>]*>|[^)\s]+)((?:\s+(?:"[^"]*"|'[^']*'))?\s*\))/g,
    destination,
  );
  // Reference definitions: [id]: url
  body = body.replace(
    /^( {0,3}\[[^\]]+\]:\s*)(\S+)/gm,
    (_whole, head: string, url: string) => `${head}${rewrite(url)}`,
  );
  // HTML attributes.
  body = body.replace(
    /(\s(?:href|src)\s*=\s*)(["'])(.*?)\2/gi,
    (_whole, head: string, quote: string, url: string) => `${head}${quote}${rewrite(decodeEntities(url))}${quote}`,
  );

  body = body.replace(/\u0000(\d+)\u0000/g, (_whole, index: string) => protectedParts[Number(index)] ?? '');
  body = body.replace(/\u0000(\d+)\u0000/g, (_whole, index: string) => protectedParts[Number(index)] ?? '');
  return { markdown: body.replace(/\n{3,}/g, '\n\n').trim(), assets: [...assets], issues };
}

/**
 * Kramdown reads a link's address up to its closing parenthesis, spaces and line breaks included
 * (`[**adresse**](https://www.openstreetmap.org/?query=11 rue niel)`, a `mailto:` with a body);
 * CommonMark stops at the first space and shows the whole link as text. The spaces are encoded
 * (`%20`; a line break in a `mailto:` is `%0A`, the line break of the mail), so the link stays one.
 */
export function encodeSpacedDestinations(markdown: string): string {
  let result = '';
  let from = 0;
  for (let open = markdown.indexOf('](', from); open !== -1; open = markdown.indexOf('](', from)) {
    const start = open + 2;
    let depth = 0;
    let end = -1;
    for (let index = start; index < markdown.length; index++) {
      const char = markdown[index];
      if (char === '\\') index++;
      else if (char === '(') depth++;
      else if (char === ')') {
        if (depth === 0) {
          end = index;
          break;
        }
        depth--;
      } else if (char === '\n' && /^\n[ \t]*\n/.test(markdown.slice(index))) break;
    }
    result += markdown.slice(from, start);
    from = start;
    if (end === -1) continue;
    const inside = markdown.slice(start, end);
    const trimmed = inside.trim();
    const titled = /^\S+\s+(?:"[^"]*"|'[^']*'|\([^)]*\))$/.test(trimmed);
    // Liquid left as written ({% post_url %} naming no post) is not an address.
    if (!/\s/.test(trimmed) || titled || trimmed.startsWith('<') || /\{[%{]/.test(trimmed)) continue;
    const lineBreak = /^mailto:/i.test(trimmed) ? '%0A' : '%20';
    result += trimmed.replace(/[ \t]*\r?\n[ \t]*/g, lineBreak).replace(/[ \t]/g, '%20');
    from = end;
  }
  return result + markdown.slice(from);
}

function liquidValue(expression: string, context: RewriteContext): string | undefined {
  // Filters (relative_url, absolute_url…) only adjusted URLs for the old host: links are rewritten anyway.
  const subject = expression.split('|')[0]?.trim() ?? '';
  let value: string | undefined;
  const literal = /^(['"])(.*)\1$/.exec(subject);
  if (literal) value = literal[2];
  else {
    const [scope, ...path] = subject.split('.');
    let current: unknown = scope === 'site' ? context.site : scope === 'page' ? context.page : undefined;
    for (const key of path)
      current = current && typeof current === 'object' ? (current as Record<string, unknown>)[key] : undefined;
    value = text(current);
  }
  return value;
}

function resolveLiquid(
  body: string,
  context: RewriteContext,
  issues: RewriteIssue[],
  protect: (value: string) => string,
): string {
  let result = body.replace(/\{%-?\s*post_url\s+(\S+?)\s*-?%\}/g, (whole, name: string) => {
    const url = context.postUrl(name.replace(/\.(md|markdown|html)$/, ''));
    if (url) return protect(url);
    issues.push({ message: `{% post_url ${name} %} names no imported post; kept as written`, near: whole });
    return whole;
  });
  result = result.replace(/\{%-?\s*link\s+(\S+?)\s*-?%\}/g, (whole, path: string) => {
    const url = context.fileUrl(path.replace(/^\//, ''));
    if (url) return protect(url);
    issues.push({ message: `{% link ${path} %} names no imported file; kept as written`, near: whole });
    return whole;
  });
  result = result.replace(
    /\{%-?\s*highlight\s+([\w+-]+)[^%]*%\}\n?([\s\S]*?)\n?\{%-?\s*endhighlight\s*-?%\}/g,
    (_whole, language: string, code: string) => protect(`\`\`\`${language}\n${code.replace(/\n+$/, '')}\n\`\`\``),
  );
  result = result.replace(/\{\{-?\s*([\s\S]*?)\s*-?\}\}/g, (whole, expression: string) => {
    const value = liquidValue(expression, context);
    if (value !== undefined) return value;
    issues.push({ message: `${whole} has no value; removed`, near: whole });
    return '';
  });
  result = result.replace(/\{%-?\s*([\w]+)[^%]*%\}/g, (whole, tag: string) => {
    issues.push({ message: `Liquid tag {% ${tag} … %} is not supported; kept as written`, near: whole });
    return whole;
  });
  return result;
}

function httpsUrl(raw: string): string {
  const value = decodeEntities(raw.trim());
  return value.startsWith('//')
    ? `https:${value}`
    : value.replace(/^http:\/\/(www\.)?(eventbrite|youtube|openstreetmap)/, 'https://$1$2');
}

/** A readable link for an embedded frame: the event page, the map, the video. */
export function iframeLink(rawSrc: string): { label: string; url: string } | undefined {
  const src = httpsUrl(rawSrc);
  let url: URL;
  try {
    url = new URL(src);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const host = url.hostname.replace(/^www\./, '');
  if (/(^|\.)eventbrite\.[a-z.]+$/.test(host)) {
    const eid = url.searchParams.get('eid');
    return { label: 'Inscription sur Eventbrite', url: eid ? `https://www.eventbrite.fr/e/${eid}` : url.href };
  }
  if (isMapUrl(url.href)) {
    const found = coordinatesFromUrl(url.href);
    const mapUrl = found
      ? `https://www.openstreetmap.org/?mlat=${found.latitude}&mlon=${found.longitude}#map=18/${found.latitude}/${found.longitude}`
      : url.href;
    return { label: 'Voir le plan', url: mapUrl };
  }
  const youtube = /(?:youtube(?:-nocookie)?\.com)\/embed\/([A-Za-z0-9_-]{11})/.exec(url.href);
  if (youtube) return { label: 'Voir la vidéo', url: `https://www.youtube.com/watch?v=${youtube[1]}` };
  if (host === 'player.vimeo.com') {
    const id = /\/video\/(\d+)/.exec(url.pathname)?.[1];
    return { label: 'Voir la vidéo', url: id ? `https://vimeo.com/${id}` : url.href };
  }
  if (host.endsWith('speakerdeck.com') || host.endsWith('slideshare.net'))
    return { label: 'Voir les slides', url: url.href };
  return { label: `Contenu intégré (${host})`, url: url.href };
}

function replaceIframes(body: string, issues: RewriteIssue[]): string {
  return body.replace(/<iframe\b([^>]*)>(?:[\s\S]*?<\/iframe\s*>)?/gi, (_whole, attributes: string) => {
    const src = /\ssrc\s*=\s*(["'])(.*?)\1/i.exec(` ${attributes}`)?.[2];
    const link = src ? iframeLink(src) : undefined;
    if (!link) {
      issues.push({ message: 'an <iframe> without a usable address was removed', near: '<iframe' });
      return '';
    }
    return `\n\n[${link.label}](${link.url})\n\n`;
  });
}

/**
 * The old site centred images with <center>…</center> around Markdown. CommonMark reads what sits
 * inside an HTML block as raw HTML, so `![](…)` there would show as text: the (obsolete) wrapper goes,
 * its content becomes a paragraph of its own, and centring is left to the site's style.
 */
function unwrapCenter(body: string): string {
  return body.replace(/<center>([\s\S]*?)<\/center>/gi, (_whole, inner: string) => {
    const content = inner
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .join('\n');
    return content ? `\n\n${content}\n\n` : '';
  });
}

/** Google's static map images stopped working without a key: keep the link they wrapped. */
function replaceStaticMaps(body: string): string {
  return body
    .replace(
      /\[!\[[^\]]*\]\(\s*(?:https?:)?\/\/maps\.googleapis\.com\/maps\/api\/staticmap[^)]*\)\]\(([^)\s]+)\)/g,
      '[Voir le plan]($1)',
    )
    .replace(/!\[[^\]]*\]\(\s*(?:https?:)?\/\/maps\.googleapis\.com\/maps\/api\/staticmap[^)]*\)/g, '');
}

function rewriteUrl(raw: string, context: RewriteContext, assets: Set<string>, issues: RewriteIssue[]): string {
  const url = raw.trim();
  // Protected parts (a resolved {% post_url %}) are already new URLs.
  if (
    url === '' ||
    url.includes('\u0000') ||
    url.startsWith('#') ||
    url.startsWith(ASSET_SCHEME) ||
    /^(mailto|tel|data|javascript):/i.test(url)
  )
    return url;
  let path: string;
  let suffix: string;
  let absolute: string | undefined;
  if (/^(https?:)?\/\//i.test(url)) {
    let parsed: URL;
    try {
      parsed = new URL(url.startsWith('//') ? `https:${url}` : url);
    } catch {
      return url;
    }
    if (!context.oldHosts.includes(parsed.hostname.toLowerCase())) return url.startsWith('//') ? `https:${url}` : url;
    absolute = url;
    path = parsed.pathname;
    suffix = `${parsed.search}${parsed.hash}`;
  } else if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
    return url;
  } else {
    const [beforeHash = '', hash] = url.split(/#(.*)/s, 2);
    const [pathPart = '', query] = beforeHash.split(/\?(.*)/s, 2);
    path = pathPart.startsWith('/') ? pathPart : posix.resolve(posix.dirname(context.documentPath), pathPart);
    suffix = `${query !== undefined ? `?${query}` : ''}${hash !== undefined ? `#${hash}` : ''}`;
  }
  let decodedPath = path;
  try {
    decodedPath = decodeURI(path);
  } catch {
    // A malformed escape: look the path up as written.
  }
  const page = context.pageUrl(decodedPath) ?? context.pageUrl(path);
  if (page) return `${page}${suffix.startsWith('?') ? '' : suffix}`;
  const file = decodedPath.replace(/^\/+/, '');
  if (file !== '' && !/\.(html|md)$/.test(file) && context.hasFile(file)) {
    assets.add(file);
    return `${ASSET_SCHEME}${file}`;
  }
  if (FILE_EXTENSION.test(file)) {
    issues.push({ message: `missing referenced file /${file}; link kept as written`, near: raw });
    return absolute ?? url;
  }
  if (!absolute)
    issues.push({ message: `link to ${path} of the old site, which was not imported; kept as written`, near: raw });
  return absolute ?? url;
}

/** Replaces the `jekyll-asset:` links by the uploaded files' URLs; unresolved ones go back to `/path`. */
export function resolveAssetLinks(markdown: string, resolve: (path: string) => string | undefined): string {
  return markdown.replace(/jekyll-asset:([^\s)"'<>]+)/g, (_whole, path: string) => resolve(path) ?? `/${path}`);
}
