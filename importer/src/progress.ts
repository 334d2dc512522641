import type { EntryType } from './plan.ts';
import { plural, type Outcome } from './report.ts';

/** Where the writer says how far it got. */
export interface Progress {
  begin(type: EntryType, total: number): void;
  step(type: EntryType, outcome: Outcome): void;
  end(type: EntryType): void;
  /** A line that must not be overwritten (a failure, a notice). */
  note(message: string): void;
  finish(): void;
}

export const silentProgress: Progress = { begin() {}, step() {}, end() {}, note() {}, finish() {} };

interface Stream {
  isTTY?: boolean;
  write(chunk: string): unknown;
}

/**
 * On a terminal, one line rewritten in place with the counts per type; elsewhere (CI logs, pipes),
 * plain lines: when a type starts, every `every` entries, and when it ends.
 */
export function createProgress(stream: Stream, { every = 50 } = {}): Progress {
  const done = new Map<EntryType, { total: number; count: number; outcomes: Partial<Record<Outcome, number>> }>();
  const tty = Boolean(stream.isTTY);
  let current: EntryType | undefined;

  const describe = (type: EntryType) => {
    const state = done.get(type)!;
    const outcomes = Object.entries(state.outcomes)
      .filter(([, count]) => count > 0)
      .map(([outcome, count]) => `${count} ${outcome}`)
      .join(', ');
    return `${plural(type)} ${state.count}/${state.total}${outcomes ? ` (${outcomes})` : ''}`;
  };
  const statusLine = () => [...done.keys()].map(describe).join(' · ');
  const redraw = () => stream.write(`\r\u001b[2K${statusLine()}`);

  return {
    begin(type, total) {
      done.set(type, { total, count: 0, outcomes: {} });
      current = type;
      if (tty) redraw();
      else stream.write(`${plural(type)}: ${total} to import…\n`);
    },
    step(type, outcome) {
      const state = done.get(type);
      if (!state) return;
      state.count++;
      state.outcomes[outcome] = (state.outcomes[outcome] ?? 0) + 1;
      if (tty) redraw();
      else if (state.count % every === 0 && state.count < state.total)
        stream.write(`${plural(type)}: ${state.count}/${state.total}\n`);
    },
    end(type) {
      if (!tty) stream.write(`${describe(type)}\n`);
      current = undefined;
    },
    note(message) {
      if (tty) stream.write(`\r\u001b[2K${message}\n`);
      else stream.write(`${message}\n`);
      if (tty && current) redraw();
    },
    finish() {
      if (tty && done.size > 0) stream.write('\n');
    },
  };
}
