export interface QueueState {
  /** When the running build started, if one runs. */
  runningSince: Date | undefined;
  /** A change arrived during the running build: exactly one more build will follow. */
  queued: boolean;
}

/**
 * Runs one build at a time. A change while idle starts a build at once; changes during a build are
 * coalesced into exactly one follow-up build, which sees everything that changed before it started.
 */
export class BuildQueue {
  #running: Promise<void> | undefined;
  #runningSince: Date | undefined;
  #queued = false;
  #idleWaiters: (() => void)[] = [];

  readonly #build: () => Promise<void>;

  constructor(build: () => Promise<void>) {
    this.#build = build;
  }

  request(): void {
    if (this.#running) {
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
    if (!this.#running) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  #start(): void {
    this.#runningSince = new Date();
    this.#running = this.#build()
      .catch(() => {
        // The build records its own failure; the queue only sequences.
      })
      .finally(() => {
        this.#running = undefined;
        this.#runningSince = undefined;
        if (this.#queued) {
          this.#queued = false;
          this.#start();
          return;
        }
        for (const resolve of this.#idleWaiters.splice(0)) resolve();
      });
  }
}
