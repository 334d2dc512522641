const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * The URL if it is safe to put in an href: http(s), mailto, or a path on this site.
 * Anything else (javascript:, vbscript:, data:, protocol-relative //host…) gives undefined.
 */
export function safeUrl(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\/(?![/\\])/.test(trimmed) && !/[\u0000-\u001f\s]/.test(trimmed)) return trimmed;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return undefined;
  }
  return ALLOWED_PROTOCOLS.has(url.protocol) ? url.href : undefined;
}

/** True when the URL leaves the site (for rel/labels). */
export function isExternalUrl(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(url);
}
