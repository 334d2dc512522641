import { afterEach, describe, expect, it, vi } from 'vitest';
import { BuildQueue } from '../../../site/publisher/build-queue.ts';

/** A build the test finishes by hand, so it controls exactly what happens during a build. */
function controllableBuilds() {
  const finishers: (() => void)[] = [];
  let concurrent = 0;
  let maxConcurrent = 0;
  let started = 0;
  const build = () =>
    new Promise<void>((resolve) => {
      started += 1;
      concurrent += 1;
      maxConcurrent = Math.max(maxConcurrent, concurrent);
      finishers.push(() => {
        concurrent -= 1;
        resolve();
      });
    });
  return {
    build,
    finishNext: () => finishers.shift()?.(),
    get started() {
      return started;
    },
    get maxConcurrent() {
      return maxConcurrent;
    },
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('BuildQueue', () => {
  it('starts a build at once when idle', () => {
    const builds = controllableBuilds();
    const queue = new BuildQueue(builds.build);
    queue.request();
    expect(builds.started).toBe(1);
    expect(queue.state().runningSince).toBeInstanceOf(Date);
  });

  it('coalesces every change during a build into exactly one follow-up build', async () => {
    const builds = controllableBuilds();
    const queue = new BuildQueue(builds.build);
    queue.request();
    for (let i = 0; i < 20; i += 1) queue.request();
    expect(builds.started).toBe(1);
    expect(queue.state().queued).toBe(true);
    builds.finishNext();
    await tick();
    expect(builds.started).toBe(2);
    expect(queue.state().queued).toBe(false);
    builds.finishNext();
    await queue.idle();
    expect(builds.started).toBe(2);
    expect(builds.maxConcurrent).toBe(1);
  });

  describe('with a quiet period', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('starts the follow-up once the changes pause, not while they keep coming', async () => {
      vi.useFakeTimers();
      const builds = controllableBuilds();
      const queue = new BuildQueue(builds.build, { quietMs: 500, maxWaitMs: 5_000 });
      queue.request();
      queue.request();
      builds.finishNext();
      await vi.advanceTimersByTimeAsync(0);
      // A change every 100 ms for a second: the follow-up waits for the pause.
      for (let i = 0; i < 10; i += 1) {
        queue.request();
        await vi.advanceTimersByTimeAsync(100);
        expect(builds.started).toBe(1);
        expect(queue.state().queued).toBe(true);
      }
      await vi.advanceTimersByTimeAsync(399);
      expect(builds.started).toBe(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(builds.started).toBe(2);
      expect(queue.state().queued).toBe(false);
      builds.finishNext();
      await queue.idle();
      expect(builds.started).toBe(2);
    });

    it('still starts a change at once when idle, and never waits past the limit', async () => {
      vi.useFakeTimers();
      const builds = controllableBuilds();
      const queue = new BuildQueue(builds.build, { quietMs: 500, maxWaitMs: 1_000 });
      queue.request();
      expect(builds.started).toBe(1);
      queue.request();
      builds.finishNext();
      await vi.advanceTimersByTimeAsync(0);
      // Changes that never pause: the follow-up starts 1 s after the first build ended.
      for (let i = 0; i < 9; i += 1) {
        await vi.advanceTimersByTimeAsync(100);
        queue.request();
      }
      expect(builds.started).toBe(1);
      let idle = false;
      void queue.idle().then(() => (idle = true));
      await vi.advanceTimersByTimeAsync(100);
      expect(builds.started).toBe(2);
      expect(idle).toBe(false);
      // It saw every change made before it started: nothing follows it.
      builds.finishNext();
      await vi.advanceTimersByTimeAsync(0);
      expect(idle).toBe(true);
      expect(builds.started).toBe(2);
      expect(builds.maxConcurrent).toBe(1);
    });
  });

  it('keeps going after a failed build', async () => {
    let calls = 0;
    const queue = new BuildQueue(async () => {
      calls += 1;
      if (calls === 1) throw new Error('boom');
    });
    queue.request();
    queue.request();
    await queue.idle();
    expect(calls).toBe(2);
    queue.request();
    await queue.idle();
    expect(calls).toBe(3);
  });
});
