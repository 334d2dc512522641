import { readdirSync, readFileSync } from 'node:fs';

/** Parent pid of every process we can see, from /proc/<pid>/stat. */
function parents(): Map<number, number> {
  const result = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command may hold spaces and parentheses: the fields after its closing parenthesis are fixed.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      result.set(Number(name), Number(fields[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  return result;
}

/** Resident bytes and command name of a process, or undefined once it has ended. */
function memoryOf(pid: number): { name: string; bytes: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rss = /^VmRSS:\s+(\d+) kB/m.exec(status);
    return { name: /^Name:\s+(.*)$/m.exec(status)?.[1] ?? '?', bytes: rss ? Number(rss[1]) * 1024 : 0 };
  } catch {
    return undefined;
  }
}

/** Resident memory of a process and all its descendants, now, by command name. */
export function treeRss(root: number): Map<string, number> {
  const children = new Map<number, number[]>();
  for (const [pid, parent] of parents()) children.set(parent, [...(children.get(parent) ?? []), pid]);
  const byName = new Map<string, number>();
  const pending = [root];
  while (pending.length) {
    const pid = pending.pop()!;
    const memory = memoryOf(pid);
    if (memory) byName.set(memory.name, (byName.get(memory.name) ?? 0) + memory.bytes);
    pending.push(...(children.get(pid) ?? []));
  }
  return byName;
}

const total = (byName: Map<string, number>) => [...byName.values()].reduce((sum, bytes) => sum + bytes, 0);

/**
 * Samples a process tree's resident memory until stopped; `stop()` returns the peak of the whole
 * tree, in bytes, and how it was split between commands at that moment.
 */
export function sampleTreeRss(
  root: number,
  intervalMs = 100,
): { stop(): { bytes: number; byProcess: Record<string, number> } } {
  let peak = treeRss(root);
  const timer = setInterval(() => {
    const now = treeRss(root);
    if (total(now) > total(peak)) peak = now;
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return { bytes: total(peak), byProcess: Object.fromEntries(peak) };
    },
  };
}
