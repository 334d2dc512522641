const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** A link the public site shows: a path of the site itself, or an http(s) or mailto URL. */
export type SiteLink = { kind: 'path'; href: string } | { kind: 'web' | 'mailto'; href: string; url: URL };

/**
 * What the public site makes of a link typed in the CMS: a path of the site as written
 * (« /proposer-un-talk/ », never a protocol-relative //host or /\host), an http(s) or mailto URL
 * normalised, or undefined for anything else (javascript:, vbscript:, data:…), which the site never
 * puts in an href. The site renders links through it; the CMS checks links with it at save time,
 * so what is saved is always shown.
 */
export function readSiteLink(value: string | null | undefined): SiteLink | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\/(?![/\\])/.test(trimmed) && !/[\u0000-\u001f\s]/.test(trimmed)) return { kind: 'path', href: trimmed };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return undefined;
  }
  if (!LINK_PROTOCOLS.has(url.protocol)) return undefined;
  return { kind: url.protocol === 'mailto:' ? 'mailto' : 'web', href: url.href, url };
}
