import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface BuildOutcome {
  at: string;
  durationMs: number;
  releaseId?: string;
  /** One line; the full log is in `logFile`. */
  error?: string;
  logFile?: string;
  pages?: number;
  /** Of those, the pages the incremental build restored instead of rendering them. */
  restoredPages?: number;
  /** How long the release's search index took, written after its pages went live. */
  searchIndexMs?: number;
}

export interface PersistedStatus {
  lastSuccess?: BuildOutcome;
  lastFailure?: BuildOutcome;
  /** The CMS content version the current release was built from. */
  builtVersion?: string;
}

/** The publisher's memory of its builds, kept beside the releases so a restart doesn't forget it. */
export class StatusFile {
  readonly file: string;
  #value: PersistedStatus;

  constructor(root: string) {
    this.file = join(root, 'status.json');
    this.#value = existsSync(this.file) ? (JSON.parse(readFileSync(this.file, 'utf8')) as PersistedStatus) : {};
  }

  get(): PersistedStatus {
    return this.#value;
  }

  /** Updates the status in memory, then on disk when it can: a full disk must not hide a failure. */
  update(changes: Partial<PersistedStatus>): void {
    this.#value = { ...this.#value, ...changes };
    try {
      // Write then rename: a crash mid-write never leaves a truncated status file.
      writeFileSync(`${this.file}.tmp`, JSON.stringify(this.#value, null, 2));
      renameSync(`${this.file}.tmp`, this.file);
    } catch (error) {
      console.error(`publisher: could not save ${this.file}: ${(error as Error).message}`);
    }
  }
}
