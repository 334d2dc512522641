import { describe, expect, it } from 'vitest';
import { WindowCounter } from '../../../cms/src/rate-limit/window-counter.ts';

const MAX = 3;
const WINDOW_MS = 60_000;
const CAPACITY = 100;

/** Spends the whole budget of `key`. */
function exhaust(counter: WindowCounter, key: string, now: number): void {
  for (let i = 0; i < MAX; i += 1) counter.windowOf(key, now).count();
  expect(counter.windowOf(key, now).exhausted).toBe(true);
}

describe('WindowCounter', () => {
  it('refuses once the budget is spent, and gives a new one when the window ends', () => {
    const counter = new WindowCounter(MAX, WINDOW_MS, CAPACITY);
    exhaust(counter, 'victim', 0);
    expect(counter.windowOf('victim', WINDOW_MS - 1).retryAfterSeconds).toBe(1);
    expect(counter.windowOf('victim', WINDOW_MS).exhausted).toBe(false);
  });

  it('keeps the window of a client that keeps coming while many times the capacity of others arrive', () => {
    const counter = new WindowCounter(MAX, WINDOW_MS, CAPACITY);
    exhaust(counter, 'attacker', 0);
    for (let i = 0; i < CAPACITY * 10; i += 1) {
      counter.windowOf(`filler-${i}`, 1).count();
      if (i % (CAPACITY / 2) === 0) expect(counter.windowOf('attacker', 1).exhausted, `after ${i} others`).toBe(true);
    }
    expect(counter.windowOf('attacker', 1).exhausted).toBe(true);
  });

  it('forgets the clients seen least recently first, one per newcomer, not everyone at once', () => {
    const counter = new WindowCounter(MAX, WINDOW_MS, CAPACITY);
    for (let i = 0; i < CAPACITY; i += 1) exhaust(counter, `client-${i}`, 0);
    // Full: each newcomer pushes out exactly the oldest one.
    for (let i = 0; i < 10; i += 1) counter.windowOf(`newcomer-${i}`, 1);
    // Looking at a forgotten client starts a window for it, which pushes out the oldest left: look
    // from the most recent down, so only newcomers go meanwhile.
    for (let index = CAPACITY - 1; index >= 0; index -= 1) {
      expect(counter.windowOf(`client-${index}`, 1).exhausted, `client-${index}`).toBe(index >= 10);
    }
  });
});
