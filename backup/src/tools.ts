import { spawn, type ChildProcess } from 'node:child_process';
import { BackupError } from './cli.ts';

const running = new Set<ChildProcess>();

/** Stops the external tools still running (on Ctrl-C: psql then rolls its transaction back). */
export function stopTools(): void {
  for (const child of running) child.kill('SIGTERM');
}

/** The line of a tool's stderr that says what went wrong: its first error, else its first line. */
function reason(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return lines.find((line) => /\b(ERROR|FATAL|error):/.test(line)) ?? lines[0] ?? 'no message';
}

export interface ToolOptions {
  env?: NodeJS.ProcessEnv;
  input?: string;
  /** What to suggest when the binary is not installed. */
  install?: string;
}

/** Runs an external command; resolves with its stdout, or rejects with a BackupError naming the tool and its error. */
export function runTool(command: string, args: string[], { env, input, install }: ToolOptions = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    running.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-100_000)));
    child.on('error', (error: NodeJS.ErrnoException) => {
      running.delete(child);
      reject(
        new BackupError(
          error.code === 'ENOENT'
            ? `${command} not found${install ? `: ${install}` : ''}`
            : `${command}: ${error.message}`,
        ),
      );
    });
    child.on('close', (code, signal) => {
      running.delete(child);
      if (code === 0) resolve(stdout);
      else reject(new BackupError(`${command} failed: ${signal ? `killed by ${signal}` : reason(stderr)}`));
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ?? '');
  });
}
