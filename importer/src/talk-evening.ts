/** One thing a talk's file says about its evening, and the evening it names (if any was imported). */
export interface EveningSignal<Event> {
  /** The front-matter key or fact it comes from: `session_url`, `category`, `session_name`, `date`, `programme`. */
  source: string;
  /** The value as written, for the report. */
  value: string;
  event: Event | undefined;
}

export interface EveningChoice<Event> {
  event: Event | undefined;
  /** The signals naming another evening than the one chosen (empty when all agree). */
  disagreeing: EveningSignal<Event>[];
  /** The signals naming the chosen one. */
  agreeing: EveningSignal<Event>[];
}

/**
 * The evening most of a talk's signals name. A tie goes to the evening named by the earliest signal
 * in `signals` (callers list them from the most to the least trusted). Signals naming no imported
 * evening take no part.
 */
export function chooseEvening<Event>(signals: EveningSignal<Event>[]): EveningChoice<Event> {
  const votes = new Map<Event, number>();
  for (const signal of signals)
    if (signal.event !== undefined) votes.set(signal.event, (votes.get(signal.event) ?? 0) + 1);
  let event: Event | undefined;
  let best = 0;
  for (const signal of signals) {
    if (signal.event === undefined) continue;
    const count = votes.get(signal.event)!;
    if (count > best) {
      best = count;
      event = signal.event;
    }
  }
  const named = signals.filter((signal) => signal.event !== undefined);
  return {
    event,
    agreeing: named.filter((signal) => signal.event === event),
    disagreeing: named.filter((signal) => signal.event !== event),
  };
}
