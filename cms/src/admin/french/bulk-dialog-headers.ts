/**
 * Strapi 5.54's bulk « Publier les contenus » dialog writes its column headers as plain English
 * strings, not translations (`TABLE_HEADERS` in content-manager's
 * pages/ListView/components/BulkActions/PublishAction.tsx: documentId, name, status, Publication
 * status), so no admin translation reaches them. They are renamed in place as the dialog opens;
 * this can go once Strapi passes them through formatMessage.
 */
const HEADERS: Record<string, string> = {
  documentId: 'Identifiant',
  name: 'Nom',
  status: 'État',
  'Publication status': 'Publication',
};

function renameHeaders(root: ParentNode): void {
  for (const cell of root.querySelectorAll<HTMLElement>('[role="dialog"] th, [role="alertdialog"] th')) {
    // The header's text sits in nested spans; only a leaf whose whole text is a known header changes.
    for (const leaf of [cell, ...cell.querySelectorAll<HTMLElement>('*')]) {
      const text = leaf.childElementCount === 0 ? leaf.textContent?.trim() : undefined;
      const french = text ? HEADERS[text] : undefined;
      if (french) leaf.textContent = french;
    }
  }
}

/** Watches the admin for the bulk publish dialog and gives its columns French names. */
export function frenchBulkDialogHeaders(): void {
  if (typeof MutationObserver === 'undefined') return;
  const observer = new MutationObserver(() => {
    if (document.querySelector('[role="dialog"] th, [role="alertdialog"] th')) renameHeaders(document);
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
}
