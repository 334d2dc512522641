import { describe, expect, it } from 'vitest';
import { describeStatus } from '../../../cms/src/admin/site-public/describe-status.ts';

const release = { id: 'r', liveSince: '2026-12-02T09:05:00.000Z' };

describe('the "Site public" widget, in French', () => {
  it('gives the day with the time the site went live', () => {
    expect(describeStatus({ reachable: true, release, building: null }).headline).toBe(
      'En ligne depuis le 2 décembre à 10:05',
    );
  });

  it('explains a refused large removal instead of the build’s English error', () => {
    const lines = describeStatus({
      reachable: true,
      release,
      lastSuccess: { at: '2026-12-02T09:05:00.000Z', durationMs: 1 },
      lastFailure: { at: '2026-12-02T09:10:00.000Z', durationMs: 1, error: 'release rejected: 22 pages instead of 52' },
      removal: {
        refused: {
          at: '2026-12-02T09:10:00.000Z',
          pagesBefore: 52,
          pagesAfter: 22,
          removedCount: 30,
          removedPaths: ['/talks/a/', '/blog/b/'],
        },
      },
    });
    expect(lines.failure).toBeUndefined();
    expect(lines.tone).toBe('danger');
    expect(lines.removal).toBe(
      'Publication bloquée le 2 décembre à 10:10 : le site passerait de 52 pages à 22 pages (30 pages disparaîtraient, dont /talks/a/, /blog/b/, …). Si ces suppressions sont voulues, confirmez-les.',
    );
  });
});
