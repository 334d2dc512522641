import { useCallback, useState } from 'react';
import { refusalMessage } from './refusal-message';

/**
 * A side panel's calls to the CMS. `load(work)` runs `work` and keeps a failure's message in
 * `problem`, one line (the panel's data, on opening). `act(work, what)` is a click's: it marks
 * `what` busy (its button shows it loading) and clears the last problem first. Neither throws, so
 * a click handler may let its promise float.
 */
export function usePanelCalls<Busy>(idle: Busy) {
  const [busy, setBusy] = useState<Busy>(idle);
  const [problem, setProblem] = useState<string>();

  const load = useCallback(async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      setProblem(refusalMessage(error));
    }
  }, []);

  const act = async (work: () => Promise<void>, what: Busy) => {
    setBusy(what);
    setProblem(undefined);
    await load(work);
    setBusy(idle);
  };

  return { busy, problem, load, act };
}
