import { Box, Field, Grid, Textarea, Typography } from '@strapi/design-system';
import { EVENT_KIND_LABELS } from '@clermontech/config/contract';
import type { PlanChoices } from '../../evenings/planner-contracts';
import { eventLabel } from './evening-labels';
import { textInto, type FormChange } from './form-change';
import type { EveningForm } from './plan-form';
import { ChoiceField } from './PlannerFields';
import { RegistrationFields } from './RegistrationFields';
import { VenueFields } from './VenueFields';

interface Props {
  form: EveningForm;
  venues: PlanChoices['venues'];
  change: FormChange;
  disabled: boolean;
}

/** « La soirée »: what the evening is, when, where, its summary and how to register. */
export function EveningFactsSection({ form, venues, change, disabled }: Props) {
  return (
    <Box padding={6} hasRadius background="neutral0" shadow="tableShadow" tag="section" aria-label="La soirée">
      <Typography variant="beta" tag="h2">
        La soirée
      </Typography>
      <Grid.Root gap={4} paddingTop={4}>
        <WhatAndWhenFields form={form} change={change} disabled={disabled} />
        <VenueFields form={form} venues={venues} change={change} disabled={disabled} />
        <Grid.Item col={12} direction="column" alignItems="stretch">
          <Field.Root name="summary" hint="Une ou deux phrases, affichées dans les listes et l’annonce.">
            <Field.Label>{eventLabel('summary')}</Field.Label>
            <Textarea value={form.summary} onChange={textInto(change, 'summary')} disabled={disabled} />
            <Field.Hint />
          </Field.Root>
        </Grid.Item>
        <RegistrationFields form={form} change={change} disabled={disabled} />
      </Grid.Root>
    </Box>
  );
}

/** The evening's title, kind and number, then its date and starting time. */
function WhatAndWhenFields({ form, change, disabled }: Omit<Props, 'venues'>) {
  return (
    <>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        <Field.Root name="title" required hint="Par exemple « API Hour #74 ».">
          <Field.Label>{eventLabel('title')}</Field.Label>
          <Field.Input value={form.title} onChange={textInto(change, 'title')} disabled={disabled} />
          <Field.Hint />
        </Field.Root>
      </Grid.Item>
      <Grid.Item col={3} s={6} direction="column" alignItems="stretch">
        <ChoiceField
          name="kind"
          label={eventLabel('kind')}
          value={form.kind}
          labels={EVENT_KIND_LABELS}
          onChange={(kind) => change({ kind })}
          disabled={disabled}
        />
      </Grid.Item>
      <Grid.Item col={3} s={6} direction="column" alignItems="stretch">
        <Field.Root name="number">
          <Field.Label>{eventLabel('number')}</Field.Label>
          <Field.Input
            type="number"
            min={1}
            value={form.number}
            onChange={textInto(change, 'number')}
            disabled={disabled}
          />
        </Field.Root>
      </Grid.Item>
      <Grid.Item col={3} s={6} direction="column" alignItems="stretch">
        <Field.Root name="date" required>
          <Field.Label>Date</Field.Label>
          <Field.Input type="date" value={form.date} onChange={textInto(change, 'date')} disabled={disabled} />
        </Field.Root>
      </Grid.Item>
      <Grid.Item col={3} s={6} direction="column" alignItems="stretch">
        <Field.Root name="time" required hint="Heure de Paris.">
          <Field.Label>Heure de début</Field.Label>
          <Field.Input type="time" value={form.time} onChange={textInto(change, 'time')} disabled={disabled} />
          <Field.Hint />
        </Field.Root>
      </Grid.Item>
    </>
  );
}
