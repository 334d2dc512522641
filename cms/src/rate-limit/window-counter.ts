import type { Context } from 'koa';

interface Window {
  count: number;
  resetAt: number;
}

/** What a limiter needs to know about one client's current window. */
export interface ClientWindow {
  /** True once `max` events were counted in this window. */
  exhausted: boolean;
  /** Counts one event. */
  count(): void;
  retryAfterSeconds: number;
}

/** How many clients are tracked at most, by default: about 8 MB of windows, keys included. */
export const DEFAULT_CAPACITY = 50_000;

/**
 * Counts events per client key (see clientKey) in fixed windows. Memory is bounded: past
 * `capacity` clients, the windows of the clients seen least recently are forgotten, one per new
 * client. A client still sending keeps its window, however many others arrive, so filling the
 * table resets nobody's count but the quiet ones'.
 */
export class WindowCounter {
  /** In order of last use: the first entry is the one to forget. */
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly capacity = DEFAULT_CAPACITY,
  ) {}

  private current(key: string, now: number): Window {
    let window = this.windows.get(key);
    // Deleted and set again: the Map's order is the order of last use.
    this.windows.delete(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + this.windowMs };
      for (const oldest of this.windows.keys()) {
        if (this.windows.size < this.capacity) break;
        this.windows.delete(oldest);
      }
    }
    this.windows.set(key, window);
    return window;
  }

  /** The current window of the client `key`. */
  windowOf(key: string, now = Date.now()): ClientWindow {
    const window = this.current(key, now);
    return {
      exhausted: window.count >= this.max,
      count: () => {
        window.count += 1;
      },
      retryAfterSeconds: Math.ceil((window.resetAt - now) / 1000),
    };
  }
}

/** Answers 429 with Strapi's error shape and a Retry-After header. */
export function refuseTooMany(ctx: Context, retryAfterSeconds: number, message: string): void {
  ctx.status = 429;
  ctx.set('Retry-After', String(retryAfterSeconds));
  ctx.body = { data: null, error: { status: 429, name: 'RateLimitError', message, details: {} } };
}
