// Starts Pagefind's UI on the search page, with the query from /recherche/?q=… (the header form).
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
    translations: { placeholder: 'Rechercher un talk, un speaker, un événement…', zero_results: 'Aucun résultat pour [SEARCH_TERM]' },
  });
  // Pagefind's field only has a placeholder; give it a real accessible name.
  container.querySelector('input')?.setAttribute('aria-label', 'Rechercher sur le site');
  const query = new URLSearchParams(window.location.search).get('q');
  if (query) ui.triggerSearch(query);
}

export {};
