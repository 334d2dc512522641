import { fold } from './text.ts';

/**
 * Where an issue is in its file: a front-matter key (the first of several spellings found), text as
 * written in the file, or words as a reader sees them (`prose`: case, accents, emphasis and line
 * breaks ignored).
 */
export type IssueAnchor = { key: string | string[] } | { text: string } | { prose: string };

function lineAt(source: string, index: number): number {
  return source.slice(0, index).split('\n').length;
}

/** The file's text folded for matching, and the line each of its characters comes from. */
function foldedLines(source: string): { text: string; lines: number[] } {
  let text = '';
  const lines: number[] = [];
  source.split('\n').forEach((line, index) => {
    for (const char of fold(line.replace(/[*_[\]()`>#]/g, ' '))) {
      if (char === ' ' && text.endsWith(' ')) continue;
      text += char;
      lines.push(index + 1);
    }
    if (!text.endsWith(' ')) {
      text += ' ';
      lines.push(index + 1);
    }
  });
  return { text, lines };
}

/** Line (1-based) of the anchor in a file's source, or undefined when it is not found. */
export function lineOf(source: string, anchor: IssueAnchor): number | undefined {
  if ('key' in anchor) {
    for (const key of typeof anchor.key === 'string' ? [anchor.key] : anchor.key) {
      const match = new RegExp(`^${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[ \\t]*:`, 'm').exec(source);
      if (match) return lineAt(source, match.index);
    }
    return undefined;
  }
  if ('text' in anchor) {
    const index = anchor.text === '' ? -1 : source.indexOf(anchor.text);
    return index === -1 ? undefined : lineAt(source, index);
  }
  const wanted = fold(anchor.prose.replace(/[*_[\]()`>#]/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
  if (wanted === '') return undefined;
  const folded = foldedLines(source);
  const index = folded.text.indexOf(wanted);
  return index === -1 ? undefined : folded.lines[index];
}
