/**
 * Why `value` is not a link the public site will show, in French, or undefined when it is one.
 * The site keeps an address only if it is http(s), mailto or one of its own paths
 * (site/src/lib/safe-url.ts) and drops
 * anything else without a word; this says so at save time instead, a little stricter (a web
 * address needs a host with a dot, no spaces), so what is saved is always shown.
 */
export function urlProblem(value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (/\s/.test(trimmed)) return 'une adresse ne contient pas d’espace';
  if (/^mailto:[^@\s]+@[^@\s]+\.[^@\s]+$/i.test(trimmed)) return undefined;
  // A page of the site itself (« /proposer-un-talk/ »), as the announcement banner links.
  if (/^\/(?![/\\])/.test(trimmed)) return undefined;
  if (!/^https?:\/\//i.test(trimmed))
    return 'elle doit commencer par https:// (ou http://), ou par / pour une page du site';
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return 'ce n’est pas une adresse web valide';
  }
  if (!url.hostname.includes('.') && url.hostname !== 'localhost')
    return `le nom de site « ${url.hostname} » est incomplet (il manque par exemple « .org »)`;
  return undefined;
}
