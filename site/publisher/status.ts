import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { BuildOutcome } from '@clermontech/config/contract';

/** A build's record is the publisher contract's (config/src/contract/publisher-api.ts). */
export type { BuildOutcome };

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
