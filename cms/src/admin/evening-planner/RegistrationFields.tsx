import { Field, Grid } from '@strapi/design-system';
import { REGISTRATION_MODES } from '@clermontech/config/contract';
import { eventLabel } from './evening-labels';
import { textInto, type FormChange } from './form-change';
import type { EveningForm } from './plan-form';
import { ChoiceField, WebAddressField } from './PlannerFields';

/** How to register for the evening: the mode, the registration link and the number of seats. */
export function RegistrationFields({
  form,
  change,
  disabled,
}: {
  form: EveningForm;
  change: FormChange;
  disabled: boolean;
}) {
  return (
    <>
      <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
        <ChoiceField
          name="registrationMode"
          label={eventLabel('registrationMode')}
          value={form.registrationMode}
          labels={REGISTRATION_MODES}
          placeholder="Selon le lien ci-contre"
          onChange={(registrationMode) => change({ registrationMode })}
          disabled={disabled}
        />
      </Grid.Item>
      <Grid.Item col={5} s={12} direction="column" alignItems="stretch">
        <WebAddressField
          name="registrationUrl"
          label={eventLabel('registrationUrl')}
          value={form.registrationUrl}
          onChange={textInto(change, 'registrationUrl')}
          disabled={disabled}
        />
      </Grid.Item>
      <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
        <Field.Root name="capacity">
          <Field.Label>{eventLabel('capacity')}</Field.Label>
          <Field.Input
            type="number"
            min={0}
            value={form.capacity}
            onChange={textInto(change, 'capacity')}
            disabled={disabled}
          />
        </Field.Root>
      </Grid.Item>
    </>
  );
}
