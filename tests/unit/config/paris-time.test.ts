import { describe, expect, it } from 'vitest';
import { parisOffsetMinutes, parisToUtc, parisWallClock } from '../../../config/src/paris-time.ts';

describe('Paris time', () => {
  it('knows winter and summer time, and the hours around each switch', () => {
    expect(parisOffsetMinutes(new Date('2026-01-15T12:00:00Z'))).toBe(60);
    expect(parisOffsetMinutes(new Date('2026-07-15T12:00:00Z'))).toBe(120);
    // 29 March 2026, 02:00 Paris becomes 03:00: the switch is at 01:00 UTC.
    expect(parisOffsetMinutes(new Date('2026-03-29T00:59:59Z'))).toBe(60);
    expect(parisOffsetMinutes(new Date('2026-03-29T01:00:00Z'))).toBe(120);
  });

  it('turns a Paris wall-clock time into the right instant, either side of the switch', () => {
    expect(parisToUtc({ year: 2026, month: 3, day: 28 }, { hour: 19, minute: 0 }).toISOString()).toBe(
      '2026-03-28T18:00:00.000Z',
    );
    expect(parisToUtc({ year: 2026, month: 3, day: 29 }, { hour: 19, minute: 0 }).toISOString()).toBe(
      '2026-03-29T17:00:00.000Z',
    );
    expect(parisToUtc({ year: 2026, month: 10, day: 25 }, { hour: 9, minute: 30 }).toISOString()).toBe(
      '2026-10-25T08:30:00.000Z',
    );
  });

  it('reads the Paris calendar day, not the UTC one', () => {
    expect(parisWallClock(new Date('2026-12-31T23:30:00Z'))).toEqual({
      year: 2027,
      month: 1,
      day: 1,
      hour: 0,
      minute: 30,
      second: 0,
    });
  });
});
