import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../site/publisher/app.ts';
import { serve } from '../../site/publisher/node-adapter.ts';
import { ReleaseStore } from '../../site/publisher/release-store.ts';

export interface ServedRelease {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a built site as the publisher does (its own HTTP app: headers, compression, 404s), from a
 * throwaway releases directory. The build directory is moved into it and deleted on close.
 */
export async function serveRelease(outDir: string, port: number): Promise<ServedRelease> {
  const root = mkdtempSync(join(tmpdir(), 'clermontech-bench-releases-'));
  const store = new ReleaseStore(root);
  const id = store.newId();
  renameSync(outDir, store.dirOf(id));
  store.activate(id);
  const server = serve(
    createApp({
      store,
      token: 'bench-'.repeat(8),
      status: () => ({
        release: { id, liveSince: undefined },
        building: null,
        queued: false,
        lastSuccess: null,
        lastFailure: null,
        buildsStarted: 0,
        lastCheckAt: null,
      }),
      onChange: () => undefined,
    }),
    { origin: `http://127.0.0.1:${port}` },
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          rmSync(root, { recursive: true, force: true });
          resolve();
        });
      }),
  };
}
