import type { ChildProcess } from 'node:child_process';

/** How soon a crashed process is started again. */
export interface RestartPolicy {
  /** The first restart's delay; each crash in a row doubles it… */
  initialDelayMs: number;
  /** …up to this. */
  maxDelayMs: number;
  /** A process that stayed up this long had recovered: its next crash waits `initialDelayMs` again. */
  stableAfterMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  initialDelayMs: 1_000,
  maxDelayMs: 30_000,
  stableAfterMs: 60_000,
};

/** The wait before the next start, given the previous wait (none yet: undefined) and how long the process stayed up. */
export function nextRestartDelay(previousMs: number | undefined, upForMs: number, policy: RestartPolicy): number {
  if (previousMs === undefined || upForMs >= policy.stableAfterMs) return policy.initialDelayMs;
  return Math.min(previousMs * 2, policy.maxDelayMs);
}

export interface SupervisedOptions {
  /** As people read it: "The publisher". */
  name: string;
  start: () => ChildProcess;
  policy?: RestartPolicy;
  log?: (line: string) => void;
}

const duration = (ms: number) => (ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`);

/**
 * One child process kept running: when it exits without being asked to, it is started again after
 * a growing delay (see RestartPolicy), with one line saying so; the other processes are left alone.
 */
export class Supervised {
  readonly name: string;
  readonly #start: () => ChildProcess;
  readonly #policy: RestartPolicy;
  readonly #log: (line: string) => void;
  #child: ChildProcess | undefined;
  #startedAt = 0;
  #delayMs: number | undefined;
  #timer: NodeJS.Timeout | undefined;
  #stopping = false;
  #supervising = false;
  /** Starts so far, the first included. */
  starts = 0;

  constructor({ name, start, policy = DEFAULT_RESTART_POLICY, log = console.error }: SupervisedOptions) {
    this.name = name;
    this.#start = start;
    this.#policy = policy;
    this.#log = log;
  }

  /** The process now running, if any. */
  get child(): ChildProcess | undefined {
    return this.#child;
  }

  /**
   * From now on, an exit not asked for by stop() restarts the process. Called once it has come up:
   * a process that can't start at all (a wrong setting) is a failed start, not a crash to retry.
   */
  supervise(): void {
    this.#supervising = true;
  }

  /** Starts the process. */
  start(): ChildProcess {
    const child = this.#start();
    this.#child = child;
    this.#startedAt = Date.now();
    this.starts += 1;
    child.once('exit', (code, signal) => {
      if (this.#stopping || !this.#supervising) return;
      this.#delayMs = nextRestartDelay(this.#delayMs, Date.now() - this.#startedAt, this.#policy);
      this.#log(
        `${this.name} stopped (${signal ?? `exit code ${code}`}); restarting it in ${duration(this.#delayMs)}.`,
      );
      this.#timer = setTimeout(() => {
        this.#timer = undefined;
        if (!this.#stopping) this.start();
      }, this.#delayMs);
    });
    return child;
  }

  /** Stops the process (SIGTERM) and any restart to come; resolves once it has exited. */
  async stop(): Promise<void> {
    this.#stopping = true;
    clearTimeout(this.#timer);
    const child = this.#child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((done) => {
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
  }
}
