import type { Context } from 'koa';

interface Window {
  count: number;
  resetAt: number;
}

const MAX_TRACKED = 50_000;

/**
 * Counts events per client IP in fixed windows. Keyed on `ctx.request.ip`: the socket's address, or
 * the one address the trusted proxy adds (see server.proxy), never what the client claims.
 * Memory is bounded: past MAX_TRACKED addresses, the oldest windows are forgotten at once.
 */
export class WindowCounter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  private current(key: string, now: number): Window {
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      if (this.windows.size >= MAX_TRACKED) this.windows.clear();
      window = { count: 0, resetAt: now + this.windowMs };
      this.windows.set(key, window);
    }
    return window;
  }

  /** The window of this request's client; `exhausted` once `max` events were counted in it. */
  windowOf(ctx: Context, now = Date.now()): { exhausted: boolean; count(): void; retryAfterSeconds: number } {
    const window = this.current(ctx.request.ip, now);
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
