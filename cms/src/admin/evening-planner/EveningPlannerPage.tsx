import { Flex } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import type { PlanChoices } from '../../evenings/planner-contracts';
import { EveningFactsSection } from './EveningFactsSection';
import type { FormChange } from './form-change';
import { PlannerActions, PlannerPreview } from './PlannerActions';
import { PlannerOutcome } from './PlannerOutcome';
import { ProgrammeSection } from './ProgrammeSection';
import { SPEAKERS_LIST } from './TalkRowFields';
import { useEveningPlan } from './use-evening-plan';
import { VENUES_LIST } from './VenueFields';

/**
 * "Programmer une soirée": the evening's facts and its talks in one form, created as linked drafts
 * in one request; then its preview, drafts included, and "Publier la soirée". No relation pop-up:
 * Strapi's links a talk created from an unsaved event to nothing (it connects the new document only
 * to a parent that has a documentId), never pre-fills the talk's « Événement » (strapi/strapi#23656;
 * #27636 fills it for saved parents only), and re-saves the parent when a document is created inside
 * it (strapi/strapi#27674), which gave a talk its new speaker's slug (guarded in evenings/slug-follows-title.ts).
 */
export function EveningPlannerPage() {
  const plan = useEveningPlan();
  const { form, setForm, choices } = plan;
  const saved = plan.documentId !== undefined;
  const change: FormChange = (patch) => setForm((current) => ({ ...current, ...patch }));

  return (
    <Page.Main>
      <Page.Title>Programmer une soirée</Page.Title>
      <Layouts.Header
        title="Programmer une soirée"
        subtitle="La soirée, son lieu et ses talks en un seul formulaire. Enregistrez, prévisualisez, puis publiez tout d’un clic."
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <KnownNameLists choices={choices} />
          <EveningFactsSection form={form} venues={choices.venues} change={change} disabled={saved} />
          <ProgrammeSection
            talks={form.talks}
            changeTalks={(update) => setForm((current) => ({ ...current, talks: update(current.talks) }))}
            choices={choices}
            disabled={saved}
          />
          {plan.outcome ? <PlannerOutcome outcome={plan.outcome} /> : null}
          <PlannerActions plan={plan} />
          {plan.previewUrl && !plan.published ? <PlannerPreview url={plan.previewUrl} /> : null}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
}

/** The known speakers' and venues' names, which the name fields offer as they are typed. */
function KnownNameLists({ choices }: { choices: PlanChoices }) {
  return (
    <>
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
    </>
  );
}
