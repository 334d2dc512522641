/** A build that did not produce a release, with everything it printed (kept in the publisher's logs). */
export class BuildFailed extends Error {
  readonly log: string;

  constructor(message: string, log: string) {
    super(message);
    this.log = log;
    this.name = 'BuildFailed';
  }
}

/** The line of a failed build's output that says why, for the status page. */
export function failureLine(log: string): string {
  const lines = log
    .split('\n')
    .map((line) => line.replace(/\x1b\[[0-9;]*m/g, '').trim())
    .filter(Boolean);
  const telling = lines.find((line) => /unreachable|does not match|invalid|error/i.test(line) && !/^at\s/.test(line));
  return (telling ?? lines.at(-1) ?? 'the build failed without output').slice(0, 300);
}

/** Pages the build's incremental cache restored instead of rendering (Astro marks their lines so). */
export function restoredPageCount(log: string): number {
  return log.replace(/\x1b\[[0-9;]*m/g, '').match(/ \((restored|cached)\)$/gm)?.length ?? 0;
}
