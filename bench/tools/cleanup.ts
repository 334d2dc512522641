/**
 * What must stop if the bench is interrupted: the CMS and publisher process groups the helpers start
 * are detached, so they would outlive a Ctrl-C.
 */
const pending = new Set<() => Promise<unknown>>();

/** Registers `stop` until the returned function is called (when the thing was stopped normally). */
export function stopOnExit(stop: () => Promise<unknown>): () => void {
  pending.add(stop);
  return () => pending.delete(stop);
}

export async function stopEverything(): Promise<void> {
  await Promise.allSettled([...pending].map((stop) => stop()));
  pending.clear();
}
