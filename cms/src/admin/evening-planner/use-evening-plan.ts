import { useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { refusalMessage } from '../refusal-message';
import { eveningActionPath, type EveningActionRefusal, type EveningActionResult } from '../../evenings/contracts';
import {
  PLAN_CHOICES_PATH,
  PLAN_EVENING_PATH,
  type EveningPlanRefusal,
  type EveningPlanResult,
  type PlanChoices,
} from '../../evenings/planner-contracts';
import { emptyForm, toPlan, type EveningForm } from './plan-form';
import { draftPreviewUrl, uploadNewSpeakerPhotos } from './planner-calls';

/** What the last call came to: its message and, for a refusal, the problems it listed. */
export interface Outcome {
  tone: 'success' | 'danger';
  message: string;
  lines: string[];
}

/** The refusal a CMS route answered, or the error's own message. */
function outcomeOf(error: unknown): Outcome {
  const body = (error as { response?: { data?: EveningPlanRefusal & EveningActionRefusal } }).response?.data?.error;
  return {
    tone: 'danger',
    message: refusalMessage(error),
    lines: body?.details.problems ?? body?.details.missing ?? [],
  };
}

const done = (message: string): Outcome => ({ tone: 'success', message, lines: [] });

/**
 * The planner's state and its calls: the form, the known speakers and venues, then, once saved, the
 * evening's documentId, its preview and whether it is published. Each call shows its outcome and
 * keeps the buttons busy while it runs.
 */
export function useEveningPlan() {
  const { get, post } = useFetchClient();
  const [form, setForm] = useState<EveningForm>(emptyForm);
  const [choices, setChoices] = useState<PlanChoices>({ speakers: [], venues: [] });
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const [documentId, setDocumentId] = useState<string>();
  const [previewUrl, setPreviewUrl] = useState<string>();
  const [published, setPublished] = useState(false);

  useEffect(() => {
    get<PlanChoices>(PLAN_CHOICES_PATH).then(
      ({ data }) => setChoices(data),
      (error: unknown) => setOutcome(outcomeOf(error)),
    );
  }, [get]);

  const run = async (work: () => Promise<Outcome>) => {
    setBusy(true);
    try {
      setOutcome(await work());
    } catch (error) {
      setOutcome(outcomeOf(error));
    } finally {
      setBusy(false);
    }
  };

  const save = () =>
    run(async () => {
      const photos = await uploadNewSpeakerPhotos(post, form, choices);
      const { data } = await post<EveningPlanResult>(PLAN_EVENING_PATH, toPlan(form, choices, photos));
      setDocumentId(data.documentId);
      return done(data.message);
    });

  const preview = () =>
    run(async () => {
      const url = await draftPreviewUrl(get, documentId ?? '');
      if (!url) return { tone: 'danger', message: 'L’aperçu n’est pas disponible sur ce serveur.', lines: [] };
      setPreviewUrl(url);
      return done('Voici la soirée telle qu’elle apparaîtra sur le site, brouillons compris.');
    });

  const publish = () =>
    run(async () => {
      const { data } = await post<EveningActionResult>(eveningActionPath(documentId ?? '', 'publish'));
      setPublished(true);
      return done(data.message);
    });

  const again = () => {
    setForm(emptyForm());
    setDocumentId(undefined);
    setPreviewUrl(undefined);
    setPublished(false);
    setOutcome(undefined);
  };

  return { form, setForm, choices, busy, outcome, documentId, previewUrl, published, save, preview, publish, again };
}
