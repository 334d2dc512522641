export interface QueueState {
  /** When the running build started, if one runs. */
  runningSince: Date | undefined;
  /** A change arrived during the running build: exactly one more build will follow. */
  queued: boolean;
}

export interface BuildQueueOptions {
  /**
   * A follow-up build starts once no change has arrived for this long. A volunteer saving again and
   * again (or Strapi's two webhooks per click) is one burst: with builds faster than the burst, each
   * finished build would otherwise start another that misses the next edit.
   */
  quietMs?: number;
  /** ...but never later than this after the previous build ended, however long the burst. */
  maxWaitMs?: number;
}

/**
 * Runs one build at a time. A change while idle starts a build at once; changes during a build are
 * coalesced into exactly one follow-up build, which starts when the changes pause and sees everything
 * that changed before it started.
 */
export class BuildQueue {
  #running: Promise<void> | undefined;
  #runningSince: Date | undefined;
  #queued = false;
  #lastRequestAt = 0;
  #followUp: NodeJS.Timeout | undefined;
  #idleWaiters: (() => void)[] = [];

  readonly #build: () => Promise<void>;
  readonly #quietMs: number;
  readonly #maxWaitMs: number;

  constructor(build: () => Promise<void>, { quietMs = 0, maxWaitMs = 5_000 }: BuildQueueOptions = {}) {
    this.#build = build;
    this.#quietMs = quietMs;
    this.#maxWaitMs = maxWaitMs;
  }

  request(): void {
    this.#lastRequestAt = Date.now();
    if (this.#running || this.#followUp) {
      this.#queued = true;
      return;
    }
    this.#start();
  }

  state(): QueueState {
    return { runningSince: this.#runningSince, queued: this.#queued };
  }

  /** Resolves when no build runs and none is queued. */
  idle(): Promise<void> {
    if (!this.#running && !this.#followUp) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  #start(): void {
    this.#queued = false;
    this.#runningSince = new Date();
    this.#running = this.#build()
      .catch(() => {
        // The build records its own failure; the queue only sequences.
      })
      .finally(() => {
        this.#running = undefined;
        this.#runningSince = undefined;
        if (this.#queued) {
          this.#startWhenQuiet(Date.now() + this.#maxWaitMs);
          return;
        }
        for (const resolve of this.#idleWaiters.splice(0)) resolve();
      });
  }

  #startWhenQuiet(deadline: number): void {
    const startAt = Math.min(this.#lastRequestAt + this.#quietMs, deadline);
    if (Date.now() >= startAt) {
      this.#followUp = undefined;
      this.#start();
      return;
    }
    this.#followUp = setTimeout(() => this.#startWhenQuiet(deadline), startAt - Date.now());
  }
}
