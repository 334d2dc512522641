// Names as keys, shared by the CMS (a proposal's speaker found by name) and the importer (speakers
// deduplicated by name): both must fold a name the same way, or one person becomes two.
import { decode } from 'html-entities';

/** Decodes HTML entities (`&#35;72` → `#72`, `&Eacute;` → `É`), as a browser would have shown them. */
export function decodeEntities(value: string): string {
  return decode(value, { level: 'html5' });
}

/** Lower case, without diacritics, with runs of whitespace as one space: for matching, never for display. */
export function fold(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/Œ/g, 'OE')
    .replace(/Æ/g, 'AE')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A URL-safe slug (`[a-z0-9-]`, at most `max` characters, cut at a dash). The association's name is
 * one word in its slugs (`clermontech-php`), as on the old site.
 */
export function slugify(value: string, max = 80): string {
  const slug = fold(decodeEntities(value))
    .replace(/clermont'ech/g, 'clermontech')
    .replace(/&/g, ' ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  const dash = cut.lastIndexOf('-');
  return (dash > max / 2 ? cut.slice(0, dash) : cut).replace(/-+$/, '');
}

/** The key two spellings of one person's name share: "Noël Martignoni" and "noel  martignoni". */
export function nameKey(name: string): string {
  return slugify(name, 150);
}
