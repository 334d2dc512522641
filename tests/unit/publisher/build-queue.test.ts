import { describe, expect, it } from 'vitest';
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
