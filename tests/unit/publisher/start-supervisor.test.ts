import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { nextRestartDelay, Supervised, type RestartPolicy } from '../../../scripts/start/supervisor.ts';
import { waitFor } from '../../helpers/wait.ts';

const POLICY: RestartPolicy = { initialDelayMs: 1_000, maxDelayMs: 30_000, stableAfterMs: 60_000 };

describe('nextRestartDelay', () => {
  it('waits 1 s, then doubles while the crashes come in a row, up to 30 s', () => {
    const delays: number[] = [];
    let delay: number | undefined;
    for (let i = 0; i < 8; i++) delays.push((delay = nextRestartDelay(delay, 500, POLICY)));
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('starts again from 1 s once the process stayed up a minute', () => {
    expect(nextRestartDelay(30_000, 60_000, POLICY)).toBe(1_000);
    expect(nextRestartDelay(30_000, 59_999, POLICY)).toBe(30_000);
  });
});

describe('Supervised: real child processes', () => {
  const running: Supervised[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((supervised) => supervised.stop()));
  });

  const supervise = (script: string, policy: RestartPolicy, lines: string[]) => {
    const supervised = new Supervised({
      name: 'The test child',
      start: () => spawn(process.execPath, ['-e', script], { stdio: 'ignore' }),
      policy,
      log: (line) => lines.push(line),
    });
    running.push(supervised);
    return supervised;
  };

  it('restarts a crashing process with growing delays, one line each time', async () => {
    const lines: string[] = [];
    const supervised = supervise(
      'process.exit(3)',
      { initialDelayMs: 50, maxDelayMs: 200, stableAfterMs: 60_000 },
      lines,
    );
    supervised.start();
    supervised.supervise();
    await waitFor('four restarts', () => supervised.starts >= 5, { timeoutMs: 10_000, intervalMs: 10 });
    expect(lines.slice(0, 4)).toEqual(
      [50, 100, 200, 200].map((ms) => `The test child stopped (exit code 3); restarting it in ${ms} ms.`),
    );
  });

  it('names the signal that killed the process, and starts from the first delay after a long run', async () => {
    const lines: string[] = [];
    const supervised = supervise(
      'setInterval(() => {}, 1000)',
      { initialDelayMs: 20, maxDelayMs: 1_000, stableAfterMs: 300 },
      lines,
    );
    supervised.start();
    supervised.supervise();
    for (const expected of [20, 40, 20]) {
      const starts = supervised.starts;
      // The third run lasts longer than stableAfterMs: its crash counts as a first one.
      if (expected === 20 && starts > 1) await new Promise((resolve) => setTimeout(resolve, 350));
      supervised.child!.kill('SIGKILL');
      await waitFor('the restart', () => supervised.starts > starts, { timeoutMs: 5_000, intervalMs: 5 });
      expect(lines.at(-1)).toBe(`The test child stopped (SIGKILL); restarting it in ${expected} ms.`);
    }
  });

  it('does not restart a process that failed before supervise(), nor one stopped on purpose', async () => {
    const lines: string[] = [];
    const failing = supervise('process.exit(1)', { initialDelayMs: 10, maxDelayMs: 10, stableAfterMs: 1_000 }, lines);
    const exited = new Promise((resolve) => failing.start().once('exit', resolve));
    await exited;
    const stopped = supervise(
      'setInterval(() => {}, 1000)',
      { initialDelayMs: 10, maxDelayMs: 10, stableAfterMs: 1_000 },
      lines,
    );
    stopped.start();
    stopped.supervise();
    await stopped.stop();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect([failing.starts, stopped.starts, lines]).toEqual([1, 1, []]);
  });
});
