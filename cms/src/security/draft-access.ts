import { AsyncLocalStorage } from 'node:async_hooks';

const granted = new AsyncLocalStorage<true>();

/**
 * Runs `read` with the right to read drafts inside a public request: for code that has checked its own
 * credential first (the preview route verifies a signed token). Only `read`'s own calls get the right,
 * not the rest of the request.
 */
export function withDraftAccess<T>(read: () => Promise<T>): Promise<T> {
  return granted.run(true, read);
}

/** Whether the running code is inside `withDraftAccess`. */
export function hasDraftAccess(): boolean {
  return granted.getStore() === true;
}
