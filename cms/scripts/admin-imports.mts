/**
 * The files outside src/admin that the admin panel's code imports, followed transitively: the panel
 * bundles them, so a change to one (a shared contract, the admin views' data) must rebuild the panel
 * even though src/admin itself did not change.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const RELATIVE_IMPORT = /\b(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;
const EXTENSIONS = ['', '.ts', '.tsx', '.mts', '.js', '/index.ts', '/index.tsx'];

function resolveImport(fromFile: string, specifier: string): string | undefined {
  const base = resolve(dirname(fromFile), specifier);
  return EXTENSIONS.map((extension) => base + extension).find((path) => existsSync(path) && statSync(path).isFile());
}

/** Every file reachable by relative imports from `entries`, outside `root`. */
export function importedOutside(root: string, entries: Iterable<string>): string[] {
  const seen = new Set<string>();
  const pending = [...entries];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    for (const match of readFileSync(file, 'utf8').matchAll(RELATIVE_IMPORT)) {
      const target = resolveImport(file, match[1]!);
      if (target === undefined || seen.has(target)) continue;
      seen.add(target);
      pending.push(target);
    }
  }
  return [...seen].filter((path) => !path.startsWith(root + '/')).sort();
}
