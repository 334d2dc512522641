/**
 * An event's summary is often its body's opening paragraph (the importer took it from there; editors
 * copy it too). Shown as the page's lead and again as the body's first paragraph, it would be read
 * twice: this decides which one the page keeps.
 */

/** A Markdown paragraph's words, as a reader sees them: no markup, one kind of apostrophe, single spaces. */
function plain(markdown: string): string {
  return markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/[*_`~]+/g, '')
    .replace(/&nbsp;|\u00a0/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/[’ʼ]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

const LINK = /\]\(|<a\s/i;

export interface LeadOnce {
  /** The lead to show above the facts, if any. */
  lead: string | undefined;
  /** The body to render. */
  body: string | undefined;
}

/**
 * The lead and the body, saying the opening paragraph once. When a paragraph before the body's first
 * heading says exactly the summary, it leaves the body (the lead says it), unless it holds links; when
 * it holds links, or the summary is that paragraph cut short ("…"), the body keeps it whole and there
 * is no lead.
 */
export function leadOnce(summary: string | undefined, body: string | undefined): LeadOnce {
  if (!summary || !body) return { lead: summary, body };
  const wanted = plain(summary);
  const cut = wanted.endsWith('…') ? wanted.slice(0, -1).trim() : undefined;
  const blocks = body.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/);
  for (const [index, block] of blocks.entries()) {
    if (/^\s*#/.test(block)) break;
    const text = plain(block);
    // A paragraph with links says more than the plain summary: it stays, the lead goes.
    if (text === wanted && LINK.test(block)) return { lead: undefined, body };
    if (text === wanted) return { lead: summary, body: blocks.filter((_block, at) => at !== index).join('\n\n') };
    if (cut && text.startsWith(cut)) return { lead: undefined, body };
  }
  return { lead: summary, body };
}
