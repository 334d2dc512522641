/** Strict-Transport-Security when the site is served over HTTPS: two years, subdomains included. */
export const HSTS = 'max-age=63072000; includeSubDomains';

/**
 * Headers on every page of the public site. Scripts come from the site's own files only (no inline
 * script: JSON-LD blocks are data, not scripts); Pagefind's search needs WebAssembly.
 * No page may be framed, except previews by `frameAncestors` (the CMS's admin).
 * `cmsOrigin` may receive the talk-proposal form, by a plain post or by the form's script.
 */
export function securityHeaders({
  frameAncestors,
  cmsOrigin,
}: { frameAncestors?: string; cmsOrigin?: string } = {}): Record<string, string> {
  const andCms = cmsOrigin ? ` ${cmsOrigin}` : '';
  const headers: Record<string, string> = {
    'content-security-policy': [
      "default-src 'self'",
      "script-src 'self' 'wasm-unsafe-eval'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: https:",
      "font-src 'self'",
      `connect-src 'self'${andCms}`,
      'frame-src https://www.youtube-nocookie.com https://player.vimeo.com',
      `frame-ancestors ${frameAncestors ?? "'none'"}`,
      "base-uri 'self'",
      `form-action 'self'${andCms}`,
      "object-src 'none'",
    ].join('; '),
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'permissions-policy': 'camera=(), microphone=(), geolocation=()',
  };
  // X-Frame-Options can't name an origin: CSP's frame-ancestors alone says who may frame a preview.
  if (frameAncestors) delete headers['x-frame-options'];
  return headers;
}
