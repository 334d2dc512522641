import type { LoaderContext } from 'astro/loaders';
import { createHash } from 'node:crypto';

interface StoredEntry {
  id: string;
  data: Record<string, unknown>;
  digest?: string | number;
}

/** The slice of Astro's LoaderContext the Strapi loader uses, in memory. */
export function fakeLoaderContext() {
  const entries = new Map<string, StoredEntry>();
  const metaValues = new Map<string, string>();
  const logs: { level: string; message: string }[] = [];
  const sets: string[] = [];
  const deletes: string[] = [];
  const log = (level: string) => (message: string) => void logs.push({ level, message });
  const context = {
    collection: 'test',
    store: {
      get: (id: string) => entries.get(id),
      set: (entry: StoredEntry) => {
        sets.push(entry.id);
        entries.set(entry.id, entry);
        return true;
      },
      delete: (id: string) => {
        deletes.push(id);
        entries.delete(id);
      },
      keys: () => [...entries.keys()],
      values: () => [...entries.values()],
      entries: () => [...entries.entries()],
      has: (id: string) => entries.has(id),
      clear: () => entries.clear(),
      addModuleImport: () => {},
    },
    meta: {
      get: (key: string) => metaValues.get(key),
      set: (key: string, value: string) => void metaValues.set(key, value),
      has: (key: string) => metaValues.has(key),
      delete: (key: string) => void metaValues.delete(key),
    },
    logger: {
      info: log('info'),
      warn: log('warn'),
      error: log('error'),
      debug: log('debug'),
      options: {},
      label: 'test',
      fork: () => context.logger,
    },
    generateDigest: (data: Record<string, unknown> | string) =>
      createHash('sha1')
        .update(typeof data === 'string' ? data : JSON.stringify(data))
        .digest('hex'),
  };
  return { context: context as unknown as LoaderContext, entries, metaValues, logs, sets, deletes };
}
