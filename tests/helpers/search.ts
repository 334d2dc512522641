import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** The text of every page a Pagefind bundle holds (its fragments are gzipped JSON); '' when it has none. */
export function indexedText(bundleDir: string): string {
  const fragments = join(bundleDir, 'fragment');
  if (!existsSync(fragments)) return '';
  return readdirSync(fragments)
    .map((name) => gunzipSync(readFileSync(join(fragments, name))).toString())
    .join('\n');
}
