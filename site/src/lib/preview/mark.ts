/** The banner's text, as volunteers see it above the draft. */
export const PREVIEW_BANNER = 'Aperçu — non publié';

const head = '<meta name="robots" content="noindex"><script type="module" src="/_preview/reload.js"></script>';
const banner =
  `<div data-preview-banner role="status" style="position:sticky;top:0;z-index:1000;padding:.5rem 1rem;` +
  `background:#b3261e;color:#fff;font-weight:700;text-align:center">${PREVIEW_BANNER}</div>`;

/**
 * A rendered public page turned into its preview: kept out of search engines, reloaded when the CMS
 * says the draft was saved, and bannered so nobody takes it for the live site. The page itself is
 * rendered by the same components as the public one; only these tags are added.
 */
export function markAsPreview(html: string): string {
  return html.replace(/<\/head>/i, `${head}</head>`).replace(/<body[^>]*>/i, (tag) => `${tag}${banner}`);
}
