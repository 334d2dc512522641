// Preloaded (`--import`) into every Node process of a CMS under the soak test, with `--expose-gc`.
// It lets the test force a full garbage collection between batches: the process registers its pid in
// FORCE_GC_DIR, and on SIGUSR2 collects garbage and says so on stdout. Plain JavaScript: it runs
// before any TypeScript loader.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.FORCE_GC_DIR;
if (dir && typeof globalThis.gc === 'function') {
  let collections = 0;
  writeFileSync(join(dir, String(process.pid)), '');
  process.on('SIGUSR2', () => {
    globalThis.gc();
    collections += 1;
    process.stdout.write(`[force-gc] pid ${process.pid} collection ${collections}\n`);
  });
}
