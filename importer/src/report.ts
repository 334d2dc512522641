import { ENTRY_TYPES, type EntryType, type ImportPlan, type Issue } from './plan.ts';

export const OUTCOMES = ['created', 'updated', 'unchanged', 'kept', 'failed'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface EntryResult {
  type: EntryType;
  key: string;
  label: string;
  outcome: Outcome;
  /** Why an entry was kept or failed. */
  reason?: string;
  documentId?: string;
  sources: string[];
}

export type TypeCounts = Record<Outcome, number> & { planned: number };

export interface ImportReport {
  site: string;
  dryRun: boolean;
  only: EntryType[];
  overwrite: boolean;
  startedAt: string;
  durationMs: number;
  counts: Record<EntryType, TypeCounts>;
  media: { uploaded: number; reused: number };
  entries: EntryResult[];
  issues: Issue[];
  files: ImportPlan['files'];
  /** Number of entries created or updated. */
  changes: number;
  /** 1 when something could not be imported at all (a file skipped for an error, an entry that failed). */
  exitCode: 0 | 1;
}

export function emptyCounts(): Record<EntryType, TypeCounts> {
  return Object.fromEntries(
    ENTRY_TYPES.map((type) => [type, { planned: 0, created: 0, updated: 0, unchanged: 0, kept: 0, failed: 0 }]),
  ) as Record<EntryType, TypeCounts>;
}

const PLURAL: Record<EntryType, string> = {
  group: 'groups',
  venue: 'venues',
  speaker: 'speakers',
  sponsor: 'sponsors',
  event: 'events',
  talk: 'talks',
  post: 'posts',
  page: 'pages',
  member: 'members',
};

export function plural(type: EntryType): string {
  return PLURAL[type];
}

/** `file:line`, as editors and terminals open it. */
function where(issue: Issue): string {
  return issue.line ? `${issue.file}:${issue.line}` : issue.file;
}

function table(report: ImportReport): string[] {
  const columns = report.dryRun ? (['planned'] as const) : (['planned', ...OUTCOMES] as const);
  const header = ['', ...columns]
    .map((column, index) => (index === 0 ? column.padEnd(10) : column.padStart(10)))
    .join('');
  const rows = ENTRY_TYPES.filter((type) => report.counts[type].planned > 0).map((type) =>
    [plural(type).padEnd(10), ...columns.map((column) => String(report.counts[type][column]).padStart(10))].join(''),
  );
  return [header, ...rows];
}

/** The report as people read it: counts per type, then what went wrong or was guessed, file by file. */
export function formatReport(report: ImportReport): string {
  const lines: string[] = [];
  lines.push(
    `${report.dryRun ? 'Dry run (nothing written)' : 'Import'} of ${report.site}${report.only.length ? ` (only ${report.only.map(plural).join(', ')})` : ''}${report.overwrite ? ' with --overwrite' : ''}`,
  );
  lines.push('', ...table(report));
  if (!report.dryRun)
    lines.push('', `Media: ${report.media.uploaded} uploaded, ${report.media.reused} already in the library`);

  const errors = report.issues.filter((issue) => issue.level === 'error');
  const failed = report.entries.filter((entry) => entry.outcome === 'failed');
  if (errors.length + failed.length > 0) {
    lines.push('', 'Not imported:');
    for (const issue of errors) lines.push(`  ${where(issue)}: ${issue.message}`);
    for (const entry of failed)
      lines.push(`  ${entry.sources.join(', ')} (${entry.type} "${entry.label}"): ${entry.reason ?? 'failed'}`);
  }
  const kept = report.entries.filter((entry) => entry.outcome === 'kept');
  if (kept.length > 0) {
    lines.push('', 'Kept as they are in the CMS:');
    for (const entry of kept) lines.push(`  ${entry.type} "${entry.label}": ${entry.reason ?? ''}`);
  }
  const notExtracted = new Map<string, string[]>();
  for (const issue of report.issues) {
    if (issue.level !== 'info' || !issue.field) continue;
    notExtracted.set(issue.file, [...(notExtracted.get(issue.file) ?? []), issue.field]);
  }
  if (notExtracted.size > 0) {
    lines.push('', 'Fields not extracted (the full text is kept in the description):');
    for (const [file, fields] of notExtracted) lines.push(`  ${file}: ${[...new Set(fields)].join(', ')}`);
  }
  const warnings = report.issues.filter((issue) => issue.level === 'warning');
  if (warnings.length > 0) {
    lines.push('', 'Warnings:');
    for (const issue of warnings)
      lines.push(`  ${where(issue)}${issue.field ? ` [${issue.field}]` : ''}: ${issue.message}`);
  }
  const notes = report.issues.filter((issue) => issue.level === 'info' && !issue.field);
  if (notes.length > 0) {
    lines.push('', 'Notes:');
    for (const issue of notes) lines.push(`  ${where(issue)}: ${issue.message}`);
  }
  const seconds = (report.durationMs / 1000).toFixed(1);
  const summary = report.dryRun
    ? `${Object.values(report.counts).reduce((sum, counts) => sum + counts.planned, 0)} entries planned`
    : report.changes === 0
      ? 'no changes'
      : `${report.changes} ${report.changes === 1 ? 'change' : 'changes'}`;
  lines.push(
    '',
    `${summary} in ${seconds} s${report.exitCode !== 0 ? ' — some files or entries could not be imported (see above)' : ''}.`,
  );
  return lines.join('\n');
}
