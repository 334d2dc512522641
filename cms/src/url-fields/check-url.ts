import { readSiteLink } from '@clermontech/config';

/**
 * Why `value` is not a link the public site will show, in French, or undefined when it is one.
 * The site keeps what readSiteLink accepts and drops anything else without a word; this says so at
 * save time instead, a little stricter (a web address needs a host with a dot, an e-mail address
 * an @, no spaces), so what is saved is always shown.
 */
export function urlProblem(value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (/\s/.test(trimmed)) return 'une adresse ne contient pas d’espace';
  const link = readSiteLink(trimmed);
  // A page of the site itself (« /proposer-un-talk/ »), as the announcement banner links.
  if (link?.kind === 'path') return undefined;
  if (link?.kind === 'mailto' && /^mailto:[^@\s]+@[^@\s]+\.[^@\s]+$/i.test(trimmed)) return undefined;
  if (!/^https?:\/\//i.test(trimmed))
    return 'elle doit commencer par https:// (ou http://), ou par / pour une page du site';
  if (link?.kind !== 'web') return 'ce n’est pas une adresse web valide';
  if (!link.url.hostname.includes('.') && link.url.hostname !== 'localhost')
    return `le nom de site « ${link.url.hostname} » est incomplet (il manque par exemple « .org »)`;
  return undefined;
}
