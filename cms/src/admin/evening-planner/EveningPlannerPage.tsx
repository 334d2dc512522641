import { useEffect, useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { Alert, Box, Button, Field, Flex, Grid, LinkButton, Textarea, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { EVENT_KIND_LABELS, REGISTRATION_MODES } from '@clermontech/config/contract';
import { adminViews } from '../../bootstrap/admin-views.data';
import { refusalMessage } from '../refusal-message';
import { eveningActionPath, type EveningActionRefusal, type EveningActionResult } from '../../evenings/contracts';
import {
  PLAN_CHOICES_PATH,
  PLAN_EVENING_PATH,
  type EveningPlanRefusal,
  type EveningPlanResult,
  type PlanChoices,
} from '../../evenings/planner-contracts';
import { emptyForm, emptyTalk, existing, toPlan, type EveningForm } from './plan-form';
import { ChoiceField, KnownNameField, WebAddressField } from './PlannerFields';
import { SPEAKERS_LIST, TalkRowFields } from './TalkRowFields';

const EVENT_UID = 'api::event.event';
const label = (field: string) => adminViews[EVENT_UID]?.fields[field]?.label ?? field;
const VENUES_LIST = 'programmer-une-soiree-lieux';

interface Outcome {
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

/**
 * "Programmer une soirée": the evening's facts and its talks in one form, created as linked drafts
 * in one request; then its preview, drafts included, and "Publier la soirée". No relation pop-up:
 * Strapi's links a talk created from an unsaved event to nothing (it connects the new document only
 * to a parent that has a documentId), never pre-fills the talk's « Événement » (strapi/strapi#23656;
 * #27636 fills it for saved parents only), and re-saves the parent when a document is created inside
 * it (strapi/strapi#27674), which gave a talk its new speaker's slug (guarded in evenings/slug-follows-title.ts).
 */
export function EveningPlannerPage() {
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

  const set = (field: keyof EveningForm) => (event: { target: { value: string } }) =>
    setForm({ ...form, [field]: event.target.value });
  const saved = documentId !== undefined;
  const knownVenue = existing(choices.venues, form.venueName);

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
      // New speakers' photos go to the media library first; a refused plan has the CMS remove them.
      const photos = new Map<number, number>();
      for (const row of form.talks) {
        if (!row.photo || existing(choices.speakers, row.speakerName) || row.speakerName.trim() === '') continue;
        const body = new FormData();
        body.append('files', row.photo, row.photo.name);
        const { data } = await post<{ id: number }[]>('/upload', body);
        if (data[0]) photos.set(row.key, data[0].id);
      }
      const { data } = await post<EveningPlanResult>(PLAN_EVENING_PATH, toPlan(form, choices, photos));
      setDocumentId(data.documentId);
      return { tone: 'success', message: data.message, lines: [] };
    });

  const preview = () =>
    run(async () => {
      const { data } = await get<{ data: { url?: string } }>(
        `/content-manager/preview/url/${EVENT_UID}?documentId=${encodeURIComponent(documentId ?? '')}&status=draft`,
      );
      if (!data.data.url)
        return { tone: 'danger', message: 'L’aperçu n’est pas disponible sur ce serveur.', lines: [] };
      setPreviewUrl(data.data.url);
      return {
        tone: 'success',
        message: 'Voici la soirée telle qu’elle apparaîtra sur le site, brouillons compris.',
        lines: [],
      };
    });

  const publish = () =>
    run(async () => {
      const { data } = await post<EveningActionResult>(eveningActionPath(documentId ?? '', 'publish'));
      setPublished(true);
      return { tone: 'success', message: data.message, lines: [] };
    });

  const again = () => {
    setForm(emptyForm());
    setDocumentId(undefined);
    setPreviewUrl(undefined);
    setPublished(false);
    setOutcome(undefined);
  };

  return (
    <Page.Main>
      <Page.Title>Programmer une soirée</Page.Title>
      <Layouts.Header
        title="Programmer une soirée"
        subtitle="La soirée, son lieu et ses talks en un seul formulaire. Enregistrez, prévisualisez, puis publiez tout d’un clic."
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <datalist id={SPEAKERS_LIST}>
            {choices.speakers.map((speaker) => (
              <option key={speaker.documentId} value={speaker.name} />
            ))}
          </datalist>
          <datalist id={VENUES_LIST}>
            {choices.venues.map((venue) => (
              <option key={venue.documentId} value={venue.name} />
            ))}
          </datalist>

          <Box padding={6} hasRadius background="neutral0" shadow="tableShadow" tag="section" aria-label="La soirée">
            <Typography variant="beta" tag="h2">
              La soirée
            </Typography>
            <Grid.Root gap={4} paddingTop={4}>
              <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                <Field.Root name="title" required hint="Par exemple « API Hour #74 ».">
                  <Field.Label>{label('title')}</Field.Label>
                  <Field.Input value={form.title} onChange={set('title')} disabled={saved} />
                  <Field.Hint />
                </Field.Root>
              </Grid.Item>
              <Grid.Item col={3} s={6} direction="column" alignItems="stretch">
                <ChoiceField
                  name="kind"
                  label={label('kind')}
                  value={form.kind}
                  labels={EVENT_KIND_LABELS}
                  onChange={(kind) => setForm({ ...form, kind })}
                  disabled={saved}
                />
              </Grid.Item>
              <Grid.Item col={3} s={6} direction="column" alignItems="stretch">
                <Field.Root name="number">
                  <Field.Label>{label('number')}</Field.Label>
                  <Field.Input type="number" min={1} value={form.number} onChange={set('number')} disabled={saved} />
                </Field.Root>
              </Grid.Item>
              <Grid.Item col={3} s={6} direction="column" alignItems="stretch">
                <Field.Root name="date" required>
                  <Field.Label>Date</Field.Label>
                  <Field.Input type="date" value={form.date} onChange={set('date')} disabled={saved} />
                </Field.Root>
              </Grid.Item>
              <Grid.Item col={3} s={6} direction="column" alignItems="stretch">
                <Field.Root name="time" required hint="Heure de Paris.">
                  <Field.Label>Heure de début</Field.Label>
                  <Field.Input type="time" value={form.time} onChange={set('time')} disabled={saved} />
                  <Field.Hint />
                </Field.Root>
              </Grid.Item>
              <Grid.Item col={3} s={6} direction="column" alignItems="stretch">
                <KnownNameField
                  name="venue"
                  label={label('venue')}
                  value={form.venueName}
                  onChange={set('venueName')}
                  list={VENUES_LIST}
                  disabled={saved}
                  knownHint={knownVenue && `Lieu connu${knownVenue.address ? ` : ${knownVenue.address}` : ''}.`}
                  newHint="Nouveau lieu : sa fiche sera créée."
                  emptyHint="Tapez son nom : la liste propose les lieux connus."
                />
              </Grid.Item>
              <Grid.Item col={3} s={6} direction="column" alignItems="stretch">
                {!knownVenue && form.venueName.trim() ? (
                  <Field.Root name="venueAddress">
                    <Field.Label>Adresse du nouveau lieu</Field.Label>
                    <Field.Input value={form.venueAddress} onChange={set('venueAddress')} disabled={saved} />
                  </Field.Root>
                ) : null}
              </Grid.Item>
              <Grid.Item col={12} direction="column" alignItems="stretch">
                <Field.Root name="summary" hint="Une ou deux phrases, affichées dans les listes et l’annonce.">
                  <Field.Label>{label('summary')}</Field.Label>
                  <Textarea value={form.summary} onChange={set('summary')} disabled={saved} />
                  <Field.Hint />
                </Field.Root>
              </Grid.Item>
              <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
                <ChoiceField
                  name="registrationMode"
                  label={label('registrationMode')}
                  value={form.registrationMode}
                  labels={REGISTRATION_MODES}
                  placeholder="Selon le lien ci-contre"
                  onChange={(registrationMode) => setForm({ ...form, registrationMode })}
                  disabled={saved}
                />
              </Grid.Item>
              <Grid.Item col={5} s={12} direction="column" alignItems="stretch">
                <WebAddressField
                  name="registrationUrl"
                  label={label('registrationUrl')}
                  value={form.registrationUrl}
                  onChange={set('registrationUrl')}
                  disabled={saved}
                />
              </Grid.Item>
              <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
                <Field.Root name="capacity">
                  <Field.Label>{label('capacity')}</Field.Label>
                  <Field.Input
                    type="number"
                    min={0}
                    value={form.capacity}
                    onChange={set('capacity')}
                    disabled={saved}
                  />
                </Field.Root>
              </Grid.Item>
            </Grid.Root>
          </Box>

          <Flex direction="column" alignItems="stretch" gap={4} tag="section" aria-label="Programme">
            <Typography variant="beta" tag="h2">
              Programme
            </Typography>
            {form.talks.map((row, index) => (
              <TalkRowFields
                key={row.key}
                row={row}
                index={index}
                choices={choices}
                disabled={saved}
                onChange={(changed) =>
                  setForm({ ...form, talks: form.talks.map((talk) => (talk.key === changed.key ? changed : talk)) })
                }
                onRemove={
                  form.talks.length > 1
                    ? () => setForm({ ...form, talks: form.talks.filter((talk) => talk.key !== row.key) })
                    : undefined
                }
              />
            ))}
            {saved ? null : (
              <Box>
                <Button variant="secondary" onClick={() => setForm({ ...form, talks: [...form.talks, emptyTalk()] })}>
                  Ajouter un talk
                </Button>
              </Box>
            )}
          </Flex>

          {outcome ? (
            <Alert
              variant={outcome.tone}
              closeLabel="Fermer"
              title={outcome.tone === 'success' ? 'C’est fait' : 'À corriger'}
              data-testid="planner-outcome"
            >
              {outcome.message}
              {outcome.lines.length > 0 ? (
                <ul>
                  {outcome.lines.map((line) => (
                    <li key={line}>• {line}</li>
                  ))}
                </ul>
              ) : null}
            </Alert>
          ) : null}

          <Flex gap={3} wrap="wrap">
            {saved ? null : (
              <Button size="L" onClick={() => void save()} loading={busy} disabled={busy}>
                Enregistrer la soirée
              </Button>
            )}
            {saved && !published ? (
              <>
                <Button size="L" variant="secondary" onClick={() => void preview()} disabled={busy}>
                  Prévisualiser la soirée
                </Button>
                <Button size="L" onClick={() => void publish()} loading={busy} disabled={busy}>
                  Publier la soirée
                </Button>
              </>
            ) : null}
            {saved ? (
              // Changes after saving are made on the event's own page (its talks are in « Programme »).
              <LinkButton
                size="L"
                variant="tertiary"
                tag={RouterLink}
                to={`/content-manager/collection-types/${EVENT_UID}/${documentId}`}
              >
                Ouvrir la fiche de l’événement
              </LinkButton>
            ) : null}
            {saved ? (
              <Button size="L" variant="tertiary" onClick={again} disabled={busy}>
                Programmer une autre soirée
              </Button>
            ) : null}
          </Flex>

          {previewUrl && !published ? (
            <Box hasRadius borderColor="neutral200" overflow="hidden">
              <iframe
                title="Aperçu de la soirée"
                src={previewUrl}
                data-testid="planner-preview"
                style={{ width: '100%', height: '720px', border: 0 }}
              />
            </Box>
          ) : null}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
}
