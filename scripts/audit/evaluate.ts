/** One documented, dated exception: an advisory with no fixed version yet, and why it can't reach us. */
export interface AuditException {
  /** Package name as npm audit reports it. */
  package: string;
  /** GHSA id or advisory URL. */
  advisory: string;
  reason: string;
  /** ISO date the exception was written. */
  since: string;
  /** ISO date after which it must be looked at again; past it, the exception no longer applies. */
  reviewBy: string;
}

interface AuditVia {
  url?: string;
  title?: string;
  severity?: string;
}

export interface AuditReport {
  vulnerabilities?: Record<string, { severity: string; via: (AuditVia | string)[] }>;
  error?: { code?: string; summary?: string };
  message?: string;
}

export type AuditVerdict =
  | { kind: 'unavailable'; reason: string }
  | { kind: 'failed'; findings: string[] }
  | { kind: 'passed'; excepted: string[]; lesser: number };

/** Critical advisories fail the audit unless a current, documented exception covers them. */
export function evaluateAudit(report: AuditReport, exceptions: AuditException[], today = new Date()): AuditVerdict {
  if (!report.vulnerabilities)
    return { kind: 'unavailable', reason: report.message ?? report.error?.summary ?? 'no vulnerability data' };
  const findings: string[] = [];
  const excepted: string[] = [];
  let lesser = 0;
  for (const [name, vulnerability] of Object.entries(report.vulnerabilities)) {
    if (vulnerability.severity !== 'critical') {
      lesser += 1;
      continue;
    }
    const advisories = vulnerability.via.filter((via): via is AuditVia => typeof via === 'object');
    for (const advisory of advisories.length > 0 ? advisories : [{ url: 'transitive', title: 'via a dependency' }]) {
      const covered = exceptions.some(
        (exception) =>
          exception.package === name &&
          (advisory.url ?? '').includes(exception.advisory) &&
          new Date(exception.reviewBy) >= today,
      );
      const line = `${name}: ${advisory.title ?? 'critical advisory'} (${advisory.url ?? 'no url'})`;
      (covered ? excepted : findings).push(line);
    }
  }
  return findings.length > 0 ? { kind: 'failed', findings } : { kind: 'passed', excepted, lesser };
}
