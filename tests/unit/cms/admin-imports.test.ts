import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importedOutside } from '../../../cms/scripts/admin-imports.mts';

/** Writes `files` (path → content) under a new temporary folder and answers it. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'admin-imports-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

describe('the files the admin panel imports from outside src/admin', () => {
  it('follows relative imports transitively, with or without extensions, and leaves packages and the admin itself out', () => {
    const root = tree({
      'src/admin/app.tsx':
        "import { a } from '../evenings/contracts';\nimport { b } from './local';\nimport x from 'react';",
      'src/admin/local.ts': "export { c } from '../publisher/status.ts';",
      'src/evenings/contracts.ts': "import type { D } from '../shared/index';",
      'src/shared/index.ts': 'export type D = 1;',
      'src/publisher/status.ts': 'export const c = 1;',
      'src/unrelated.ts': 'export const e = 1;',
    });
    const admin = join(root, 'src/admin');
    const found = importedOutside(admin, [join(admin, 'app.tsx'), join(admin, 'local.ts')]);
    expect(found).toEqual(
      ['src/evenings/contracts.ts', 'src/publisher/status.ts', 'src/shared/index.ts'].map((path) => join(root, path)),
    );
  });
});
