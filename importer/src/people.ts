import { decodeEntities, squash } from './text.ts';

/**
 * The people behind a talk's `author`: "A et B", "A & B", "A + B", "A and B" and "A, B et C" give
 * one name each. A comma only separates names when every part looks like a full name, so
 * "Paul, de chez X" stays whole.
 */
export function splitAuthors(value: string | undefined): string[] {
  if (!value) return [];
  const cleaned = squash(decodeEntities(value));
  if (!cleaned) return [];
  const parts = cleaned.split(/\s+(?:et|and|&|\+)\s+|\s*&\s*|\s+\+\s+/i).flatMap((part) => {
    const pieces = part.split(/\s*,\s*/);
    return pieces.length > 1 && pieces.every((piece) => piece.includes(' ')) ? pieces : [part];
  });
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

/** A label for a person's or an organisation's link, from its address. */
export function linkLabel(rawUrl: string): string {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return 'Site web';
  }
  const host = url.hostname.replace(/^www\./, '');
  if (host === 'twitter.com') return 'Twitter';
  if (host === 'x.com') return 'X';
  if (host === 'github.com' || host.endsWith('.github.io')) return 'GitHub';
  if (host === 'gitlab.com' || host.endsWith('.gitlab.io')) return 'GitLab';
  if (host.endsWith('linkedin.com')) return 'LinkedIn';
  if (host === 'bsky.app' || host.endsWith('.bsky.social')) return 'Bluesky';
  if (host.endsWith('youtube.com')) return 'YouTube';
  if (/^\/@[^/]+\/?$/.test(url.pathname) || host === 'mastodon.social' || host === 'mamot.fr') return 'Mastodon';
  return 'Site web';
}

/** Normalises a link found in front matter: trims, adds https:// to bare hosts, refuses anything but http(s). */
export function cleanUrl(value: string | undefined): string | undefined {
  const raw = value?.trim();
  if (!raw) return undefined;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(raw)
    ? raw
    : raw.startsWith('//')
      ? `https:${raw}`
      : /^[\w-]+(\.[\w-]+)+(\/|$)/.test(raw)
        ? `https://${raw}`
        : raw;
  try {
    const url = new URL(withScheme);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
