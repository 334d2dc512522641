import { escapeHtml } from '../escape-html.ts';

/** The banner's text, as volunteers see it above the draft. */
export const PREVIEW_BANNER = 'Aperçu — non publié';

/**
 * The page tells the server entry which required fields the draft lacks (URI-encoded JSON list of
 * French names), for the banner; the header itself never leaves the server.
 */
export const MISSING_FIELDS_HEADER = 'x-preview-missing-fields';

const head = '<meta name="robots" content="noindex"><script type="module" src="/_preview/reload.js"></script>';
const bannerStyle =
  'position:sticky;top:0;z-index:1000;padding:.5rem 1rem;background:#b3261e;color:#fff;font-weight:700;text-align:center';

function banner(missing: readonly string[]): string {
  const lacking =
    missing.length === 0
      ? ''
      : `<div data-preview-missing style="font-weight:400">À compléter avant de publier : ${missing.map(escapeHtml).join(', ')} ` +
        `(une valeur provisoire est montrée à la place).</div>`;
  return `<div data-preview-banner role="status" style="${bannerStyle}">${PREVIEW_BANNER}${lacking}</div>`;
}

/**
 * A rendered public page turned into its preview: kept out of search engines, reloaded when the CMS
 * says the draft was saved, and bannered so nobody takes it for the live site, with what the draft
 * still lacks. The page itself is rendered by the same components as the public one; only these tags
 * are added.
 */
export function markAsPreview(html: string, missing: readonly string[] = []): string {
  return html.replace(/<\/head>/i, `${head}</head>`).replace(/<body[^>]*>/i, (tag) => `${tag}${banner(missing)}`);
}

/** The missing fields the page put in its header, or none when it is absent or unreadable. */
export function missingFieldsFrom(headers: Headers): string[] {
  const value = headers.get(MISSING_FIELDS_HEADER);
  if (!value) return [];
  try {
    const parsed: unknown = JSON.parse(decodeURIComponent(value));
    return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}
