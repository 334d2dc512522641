import { useRef } from 'react';
import { Box, Button, Field, Flex, Grid, Textarea, Typography } from '@strapi/design-system';
import { adminViews } from '../../bootstrap/admin-views.data';
import type { PlanChoices } from '../../evenings/planner-contracts';
import { existing, type TalkRow } from './plan-form';
import { KnownNameField, WebAddressField } from './PlannerFields';

const label = (field: string) => adminViews['api::talk.talk']?.fields[field]?.label ?? field;
export const SPEAKERS_LIST = 'programmer-une-soiree-speakers';

interface Props {
  row: TalkRow;
  index: number;
  choices: PlanChoices;
  disabled: boolean;
  onChange(row: TalkRow): void;
  /** Absent when it is the only talk. */
  onRemove?: () => void;
}

/**
 * One talk of the programme. The speaker is typed by name: an existing speaker of that name is
 * linked, any other name creates a new speaker, whose photo can be chosen right here.
 */
export function TalkRowFields({ row, index, choices, disabled, onChange, onRemove }: Props) {
  const set = (field: keyof TalkRow) => (event: { target: { value: string } }) =>
    onChange({ ...row, [field]: event.target.value });
  const known = existing(choices.speakers, row.speakerName);
  const newSpeaker = !known && row.speakerName.trim() !== '';
  return (
    <Box
      padding={4}
      hasRadius
      borderColor="neutral200"
      background="neutral0"
      tag="fieldset"
      aria-label={`Talk n° ${index + 1}`}
    >
      <Flex justifyContent="space-between" paddingBottom={3}>
        <Typography variant="delta" tag="h3">
          Talk n° {index + 1}
        </Typography>
        {onRemove ? (
          <Button variant="danger-light" size="S" onClick={onRemove} disabled={disabled}>
            Retirer ce talk
          </Button>
        ) : null}
      </Flex>
      <Grid.Root gap={4}>
        <Grid.Item col={8} s={12} direction="column" alignItems="stretch">
          <Field.Root name={`talk-${row.key}-title`} required>
            <Field.Label>{label('title')}</Field.Label>
            <Field.Input value={row.title} onChange={set('title')} disabled={disabled} />
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
          <Field.Root name={`talk-${row.key}-duration`}>
            <Field.Label>{label('duration')}</Field.Label>
            <Field.Input
              type="number"
              min={1}
              max={600}
              value={row.duration}
              onChange={set('duration')}
              disabled={disabled}
            />
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={12} direction="column" alignItems="stretch">
          <Field.Root name={`talk-${row.key}-abstract`}>
            <Field.Label>{label('abstract')}</Field.Label>
            <Textarea value={row.abstract} onChange={set('abstract')} disabled={disabled} />
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <KnownNameField
            name={`talk-${row.key}-speaker`}
            label="Speaker"
            required
            value={row.speakerName}
            onChange={set('speakerName')}
            list={SPEAKERS_LIST}
            disabled={disabled}
            knownHint={known && 'Speaker déjà connu : sa fiche sera reliée au talk.'}
            newHint="Nouveau speaker : sa fiche sera créée."
            emptyHint="Tapez son nom : la liste propose les speakers connus."
          />
        </Grid.Item>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <WebAddressField
            name={`talk-${row.key}-slides`}
            label={label('slidesUrl')}
            value={row.slidesUrl}
            onChange={set('slidesUrl')}
            disabled={disabled}
          />
        </Grid.Item>
        {newSpeaker ? <NewSpeakerPhotoField row={row} onChange={onChange} disabled={disabled} /> : null}
      </Grid.Root>
    </Box>
  );
}

/** The new speaker's photo, picked with a French button that opens the browser's own file dialog. */
function NewSpeakerPhotoField({ row, onChange, disabled }: Pick<Props, 'row' | 'onChange' | 'disabled'>) {
  const photoInput = useRef<HTMLInputElement>(null);
  return (
    <Grid.Item col={12} direction="column" alignItems="stretch">
      <Field.Root
        name={`talk-${row.key}-photo`}
        hint={row.photo ? `Photo choisie : ${row.photo.name}` : 'Facultative ; JPEG, PNG ou WebP.'}
      >
        <Field.Label>Photo du nouveau speaker</Field.Label>
        {/* The browser's own file button speaks the browser's language: a French button opens it. */}
        <input
          ref={photoInput}
          type="file"
          hidden
          accept="image/jpeg,image/png,image/webp"
          onChange={(event) => onChange({ ...row, photo: event.target.files?.[0] })}
        />
        <Box>
          <Button variant="secondary" onClick={() => photoInput.current?.click()} disabled={disabled}>
            {row.photo ? 'Changer la photo' : 'Choisir une photo'}
          </Button>
        </Box>
        <Field.Hint />
      </Field.Root>
    </Grid.Item>
  );
}
