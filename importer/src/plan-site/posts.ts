/** Step 7: the blog posts, with their excerpt (the post's own, else the text before its separator, else its first paragraph). */
import { formatDate } from '../dates.ts';
import type { PlannedEntry } from '../plan.ts';
import { decodeEntities, firstParagraph, fold, plainText, squash, text, truncate } from '../text.ts';
import { asset, issue, type Context, type PostDraft } from './context.ts';
import type { Links } from './links.ts';

function postEntry(context: Context, post: PostDraft, links: Links): PlannedEntry {
  const { doc } = post;
  const rawTitle = text(doc.data.title);
  const title = rawTitle ? squash(decodeEntities(rawTitle)) : post.slug;
  if (!rawTitle) issue(context, doc.path, 'warning', 'no title; the file name is used', 'title', 1);
  const separator = text(doc.data.excerpt_separator) ?? text(context.config.excerpt_separator);
  const explicit = text(doc.data.excerpt) ?? text(doc.data.description);
  const beforeSeparator =
    separator && doc.body.includes(separator) ? plainText(doc.body.split(separator)[0]!) : undefined;
  const excerpt = explicit ? plainText(explicit) : (beforeSeparator ?? firstParagraph(doc.body, 500));
  const language = fold(
    text(doc.data.lang) ?? text(doc.data.language) ?? (/-en$/.test(post.slug) ? 'en' : 'fr'),
  ).startsWith('en')
    ? 'en'
    : 'fr';
  const coverValue = text(doc.data.image) ?? text(doc.data.cover);
  const coverPath = coverValue ? links.frontMatterImage(doc, coverValue, 'images/blog-posts', 'cover') : undefined;
  const author = text(doc.data.author);
  return {
    type: 'post',
    key: post.legacyPath,
    label: title,
    sources: [doc.path],
    data: {
      title: truncate(title, 200),
      slug: post.slug,
      excerpt: excerpt ? truncate(excerpt, 500) : null,
      body: links.rewrite(doc, doc.body, 'body', post.legacyPath),
      author: author ? truncate(squash(decodeEntities(author)), 150) : null,
      date: formatDate(post.date),
      language,
      cover: coverPath ? asset(coverPath) : null,
      legacyPath: post.legacyPath,
    },
  };
}

export function addPostEntries(context: Context, posts: PostDraft[], links: Links, entries: PlannedEntry[]): void {
  for (const post of posts) entries.push(postEntry(context, post, links));
}
