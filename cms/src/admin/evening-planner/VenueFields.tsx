import { Field, Grid } from '@strapi/design-system';
import type { PlanChoices } from '../../evenings/planner-contracts';
import { eventLabel } from './evening-labels';
import { textInto, type FormChange } from './form-change';
import { existing, type EveningForm } from './plan-form';
import { KnownNameField } from './PlannerFields';

/** The id of the datalist of known venues the venue's name is typed against. */
export const VENUES_LIST = 'programmer-une-soiree-lieux';

/** The evening's venue, typed by name: a known venue is linked, a new one asks for its address. */
export function VenueFields({
  form,
  venues,
  change,
  disabled,
}: {
  form: EveningForm;
  venues: PlanChoices['venues'];
  change: FormChange;
  disabled: boolean;
}) {
  const knownVenue = existing(venues, form.venueName);
  return (
    <>
      <Grid.Item col={3} s={6} direction="column" alignItems="stretch">
        <KnownNameField
          name="venue"
          label={eventLabel('venue')}
          value={form.venueName}
          onChange={textInto(change, 'venueName')}
          list={VENUES_LIST}
          disabled={disabled}
          knownHint={knownVenue && `Lieu connu${knownVenue.address ? ` : ${knownVenue.address}` : ''}.`}
          newHint="Nouveau lieu : sa fiche sera créée."
          emptyHint="Tapez son nom : la liste propose les lieux connus."
        />
      </Grid.Item>
      <Grid.Item col={3} s={6} direction="column" alignItems="stretch">
        {!knownVenue && form.venueName.trim() ? (
          <Field.Root name="venueAddress">
            <Field.Label>Adresse du nouveau lieu</Field.Label>
            <Field.Input value={form.venueAddress} onChange={textInto(change, 'venueAddress')} disabled={disabled} />
          </Field.Root>
        ) : null}
      </Grid.Item>
    </>
  );
}
