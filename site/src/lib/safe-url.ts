import { readSiteLink } from '@clermontech/config';

/**
 * The URL if it is safe to put in an href: http(s), mailto, or a path on this site (the rule the
 * CMS checks links with, config/src/links.ts). Anything else gives undefined.
 */
export function safeUrl(value: string | null | undefined): string | undefined {
  return readSiteLink(value)?.href;
}

/** True when the URL leaves the site (for rel/labels). */
export function isExternalUrl(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(url);
}
