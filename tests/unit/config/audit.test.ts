import { describe, expect, it } from 'vitest';
import { evaluateAudit, type AuditException } from '../../../scripts/audit/evaluate.ts';

const critical = (url: string) => ({
  severity: 'critical',
  via: [{ url, title: 'Prototype pollution', severity: 'critical' }],
});
const exception: AuditException = {
  package: 'left-pad',
  advisory: 'GHSA-xxxx-yyyy-zzzz',
  reason: 'only used at build time on trusted input',
  since: '2026-11-01',
  reviewBy: '2027-01-01',
};

describe('evaluateAudit', () => {
  it('fails on a critical advisory', () => {
    const verdict = evaluateAudit(
      { vulnerabilities: { 'left-pad': critical('https://github.com/advisories/GHSA-aaaa') } },
      [exception],
    );
    expect(verdict).toEqual({
      kind: 'failed',
      findings: ['left-pad: Prototype pollution (https://github.com/advisories/GHSA-aaaa)'],
    });
  });

  it('passes a critical advisory covered by a current exception', () => {
    const verdict = evaluateAudit(
      { vulnerabilities: { 'left-pad': critical('https://github.com/advisories/GHSA-xxxx-yyyy-zzzz') } },
      [exception],
      new Date('2026-12-01'),
    );
    expect(verdict).toMatchObject({ kind: 'passed', excepted: [expect.stringContaining('left-pad')] });
  });

  it('fails again once the exception is past its review date', () => {
    const verdict = evaluateAudit(
      { vulnerabilities: { 'left-pad': critical('https://github.com/advisories/GHSA-xxxx-yyyy-zzzz') } },
      [exception],
      new Date('2027-02-01'),
    );
    expect(verdict.kind).toBe('failed');
  });

  it('lets high and lower severities through, counted', () => {
    const verdict = evaluateAudit(
      { vulnerabilities: { a: { severity: 'high', via: [] }, b: { severity: 'moderate', via: ['a'] } } },
      [],
    );
    expect(verdict).toEqual({ kind: 'passed', excepted: [], lesser: 2 });
  });

  it('reports an unreachable advisory service as unavailable, not as clean', () => {
    expect(evaluateAudit({ message: '405 Method Not Allowed - POST …/advisories/bulk' }, []).kind).toBe('unavailable');
  });
});
