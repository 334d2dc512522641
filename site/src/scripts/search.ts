// Starts Pagefind's UI on the search page, with the query from /recherche/?q=… (the header form).
// It searches the main bundle (/pagefind/, where its script was loaded from) and the others with it.
import { SEARCH_BUNDLES, searchBundlePath } from '../lib/search-bundles.ts';

interface PagefindUIInstance {
  triggerSearch(term: string): void;
}
declare global {
  interface Window {
    PagefindUI?: new (options: Record<string, unknown>) => PagefindUIInstance;
  }
}

const container = document.querySelector('[data-search]');
if (container && window.PagefindUI) {
  const ui = new window.PagefindUI({
    element: '[data-search]',
    showSubResults: true,
    showImages: false,
    resetStyles: false,
    mergeIndex: SEARCH_BUNDLES.slice(1).map((bundle) => ({ bundlePath: searchBundlePath(bundle) })),
    translations: {
      placeholder: 'Rechercher un talk, un speaker, un événement…',
      zero_results: 'Aucun résultat pour [SEARCH_TERM]',
    },
  });
  // Pagefind's field only has a placeholder; give it a real accessible name.
  container.querySelector('input')?.setAttribute('aria-label', 'Rechercher sur le site');
  const query = new URLSearchParams(window.location.search).get('q');
  if (query) ui.triggerSearch(query);
}

export {};
