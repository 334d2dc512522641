import { ConfigError } from '@clermontech/config';

/** A failure the person running the command can act on; its message is the one line they read. */
export class BackupError extends Error {
  override name = 'BackupError';
}

/** The first line of an error's message, whatever was thrown. */
export function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (
    message
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim() ?? 'unknown error'
  );
}

/**
 * Runs a command's main function: its known failures (bad input, bad environment) print one line on
 * stderr and exit 1; `cleanup` runs on the way out, also on Ctrl-C.
 */
export async function runCommand(main: () => Promise<void>, cleanup: () => void): Promise<void> {
  const interrupted = (signal: NodeJS.Signals) => {
    cleanup();
    console.error(`Interrupted (${signal}).`);
    process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    await main();
  } catch (error) {
    process.exitCode = 1;
    if (error instanceof BackupError || error instanceof ConfigError) console.error(error.message);
    else console.error(`Unexpected error: ${oneLine(error)}`);
  } finally {
    cleanup();
  }
}

/** "1.4 MB" */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = -1;
  do {
    value /= 1000;
    unit += 1;
  } while (value >= 1000 && unit < units.length - 1);
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** "2.3 s" */
export function formatSeconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}
