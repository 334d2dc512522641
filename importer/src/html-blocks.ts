/** Block tags whose whole element Kramdown reads as one HTML block, blank lines and indentation included. */
const BLOCK_TAGS = 'table|div|ul|ol|dl|section|article|aside|figure|blockquote|details|form|nav|header|footer';

/**
 * Kramdown reads an HTML block up to its closing tag; CommonMark ends it at the first blank line, so
 * what follows, indented, becomes a code block showing HTML source (workshop #1's programme table).
 * Each such block is made one CommonMark HTML block: lines de-indented, blank lines inside dropped.
 * `<pre>` is left alone: its spacing is its content.
 */
export function flattenHtmlBlocks(markdown: string): string {
  const lines = markdown.split('\n');
  const out: string[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const open = new RegExp(`^ {0,3}<(${BLOCK_TAGS})(?=[\\s>/])`, 'i').exec(line);
    if (!open) {
      out.push(line);
      continue;
    }
    const tag = open[1]!.toLowerCase();
    const opening = new RegExp(`<${tag}(?=[\\s>/])`, 'gi');
    const closing = new RegExp(`</${tag}\\s*>`, 'gi');
    let depth = 0;
    let end = -1;
    for (let scan = index; scan < lines.length; scan++) {
      depth += (lines[scan]!.match(opening) ?? []).length - (lines[scan]!.match(closing) ?? []).length;
      if (depth <= 0) {
        end = scan;
        break;
      }
    }
    if (end === -1) {
      out.push(line);
      continue;
    }
    for (const inner of lines.slice(index, end + 1)) if (inner.trim() !== '') out.push(inner.trim());
    index = end;
  }
  return out.join('\n');
}
