import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/progress.ts';
import { emptyCounts, formatReport, type ImportReport } from '../../src/report.ts';

function stream(isTTY: boolean) {
  const chunks: string[] = [];
  return { isTTY, chunks, write: (chunk: string) => chunks.push(chunk) };
}

describe('progress', () => {
  it('rewrites one line with the counts per type on a terminal', () => {
    const out = stream(true);
    const progress = createProgress(out);
    progress.begin('speaker', 2);
    progress.step('speaker', 'created');
    progress.step('speaker', 'unchanged');
    progress.end('speaker');
    progress.begin('event', 1);
    progress.step('event', 'failed');
    progress.finish();
    const last = out.chunks.filter((chunk) => chunk.startsWith('\r')).pop();
    expect(last).toBe('\r\u001b[2Kspeakers 2/2 (1 created, 1 unchanged) · events 1/1 (1 failed)');
    expect(out.chunks.at(-1)).toBe('\n');
  });

  it('writes plain lines elsewhere: at the start, every N entries, at the end', () => {
    const out = stream(false);
    const progress = createProgress(out, { every: 2 });
    progress.begin('talk', 5);
    for (let i = 0; i < 5; i++) progress.step('talk', 'created');
    progress.end('talk');
    expect(out.chunks).toEqual(['talks: 5 to import…\n', 'talks: 2/5\n', 'talks: 4/5\n', 'talks 5/5 (5 created)\n']);
  });
});

describe('formatReport', () => {
  const report = (overrides: Partial<ImportReport>): ImportReport => ({
    site: '/site',
    dryRun: false,
    only: [],
    overwrite: false,
    startedAt: new Date(0).toISOString(),
    durationMs: 1234,
    counts: emptyCounts(),
    media: { uploaded: 0, reused: 3 },
    entries: [],
    issues: [],
    files: [],
    changes: 0,
    exitCode: 0,
    ...overrides,
  });

  it('says when nothing changed', () => {
    const counts = emptyCounts();
    counts.talk = { planned: 2, created: 0, updated: 0, unchanged: 2, kept: 0, failed: 0 };
    const text = formatReport(report({ counts }));
    expect(text).toMatch(/talks\s+2\s+0\s+0\s+2\s+0\s+0/);
    expect(text).not.toMatch(/events/);
    expect(text).toMatch(/no changes in 1\.2 s\.$/);
  });

  it('lists what was not imported, kept, not extracted, and the warnings, file by file', () => {
    const text = formatReport(
      report({
        changes: 1,
        exitCode: 1,
        entries: [
          {
            type: 'talk',
            key: '/t.html',
            label: 'Un talk',
            outcome: 'kept',
            reason: 'edited in the CMS since the last import',
            sources: ['_posts/t.md'],
          },
          {
            type: 'event',
            key: '/e.html',
            label: 'API Hour #1',
            outcome: 'failed',
            reason: 'boom',
            sources: ['_posts/e.md'],
          },
        ],
        issues: [
          { file: '_posts/x.md', level: 'error', message: 'unknown layout "podcast"; skipped' },
          { file: '_posts/e.md', level: 'info', field: 'capacity', message: 'no capacity' },
          { file: '_posts/e.md', level: 'info', field: 'registrationUrl', message: 'no link' },
          { file: '_posts/e.md', level: 'warning', field: 'startsAt', message: 'no year' },
        ],
      }),
    );
    expect(text).toContain(
      'Not imported:\n  _posts/x.md: unknown layout "podcast"; skipped\n  _posts/e.md (event "API Hour #1"): boom',
    );
    expect(text).toContain('Kept as they are in the CMS:\n  talk "Un talk": edited in the CMS since the last import');
    expect(text).toContain('  _posts/e.md: capacity, registrationUrl');
    expect(text).toContain('  _posts/e.md [startsAt]: no year');
    expect(text).toMatch(/1 change in 1\.2 s — some files or entries could not be imported/);
  });
});
