/**
 * Step 8: the pages, with the sponsors listed in the home page's front matter and the board listed
 * on the association's page, which become entries of their own.
 */
import { posix } from 'node:path';
import { sections } from '../event-details.ts';
import type { PlannedEntry } from '../plan.ts';
import { cleanUrl } from '../people.ts';
import { decodeEntities, fold, plainText, slugify, squash, text, truncate } from '../text.ts';
import { asset, issue, SlugRegistry, type Context, type Doc, type PageDraft } from './context.ts';
import type { Links } from './links.ts';
import { addMemberEntries } from './people.ts';

/** The Markdown of a section intro without the trailing "## Événements" that heads the listing. */
function withoutTrailingHeading(markdown: string): string {
  return markdown.replace(/\n*#{1,6}[^\n]*\s*$/, '').trim();
}

function withoutSections(markdown: string, titles: RegExp): string {
  return sections(markdown)
    .filter((section) => !titles.test(fold(section.title)))
    .map((section) => (section.title ? `## ${section.title}\n${section.content}` : section.content))
    .join('\n')
    .trim();
}

function addSponsorEntries(
  context: Context,
  doc: Doc,
  links: Links,
  slugs: SlugRegistry,
  entries: PlannedEntry[],
): void {
  const list = Array.isArray(doc.data.sponsors) ? doc.data.sponsors : [];
  list.forEach((item: unknown, index) => {
    const entry = item && typeof item === 'object' ? (item as Record<string, unknown>) : {};
    const name = text(entry.alt) ?? text(entry.name) ?? text(entry.title);
    if (!name) {
      issue(context, doc.path, 'warning', `sponsor #${index + 1} has no name (alt); skipped`, 'sponsors', {
        key: 'sponsors',
      });
      return;
    }
    const cleanName = squash(decodeEntities(name));
    const url = cleanUrl(text(entry.url));
    const img = text(entry.img) ?? text(entry.logo) ?? text(entry.image);
    const logoPath = img ? links.frontMatterImage(doc, img, 'images/sponsors', 'sponsors.logo') : undefined;
    const key = slugify(cleanName);
    entries.push({
      type: 'sponsor',
      key,
      label: cleanName,
      sources: [doc.path],
      data: {
        name: truncate(cleanName, 150),
        slug: slugs.claim(key),
        url: url ?? null,
        logo: logoPath ? asset(logoPath) : null,
      },
    });
  });
}

export function addPageEntries(context: Context, pages: PageDraft[], links: Links, entries: PlannedEntry[]): void {
  const sponsorSlugs = new SlugRegistry();
  for (const page of pages) {
    const { doc } = page;
    let body = doc.body;
    if (posix.basename(posix.dirname(doc.path)) !== '.' && posix.basename(doc.path).startsWith('index.'))
      body = withoutTrailingHeading(body);
    if (doc.path === 'association.md') body = withoutSections(body, /^(bureau|conseil)/);
    if (doc.path === 'index.md' || doc.path === 'index.markdown')
      addSponsorEntries(context, doc, links, sponsorSlugs, entries);
    if (doc.path === 'association.md') addMemberEntries(doc, entries);
    if (body.trim() === '') {
      issue(context, doc.path, 'info', 'no text; no page created');
      context.files.push({ file: doc.path, outcome: 'skipped: empty page' });
      continue;
    }
    const summary = text(doc.data.description) ?? text(doc.data.excerpt);
    entries.push({
      type: 'page',
      key: page.legacyPath,
      label: page.title,
      sources: [doc.path],
      data: {
        title: truncate(page.title, 200),
        slug: page.slug,
        summary: summary ? truncate(plainText(summary), 1000) : null,
        body: links.rewrite(doc, body, 'body', page.legacyPath),
        legacyPath: page.legacyPath,
      },
    });
    context.files.push({ file: doc.path, outcome: 'page' });
  }
}
