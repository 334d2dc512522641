import { Box, Button, Flex, Typography } from '@strapi/design-system';
import type { PlanChoices } from '../../evenings/planner-contracts';
import { emptyTalk, type TalkRow } from './plan-form';
import { TalkRowFields } from './TalkRowFields';

/** « Programme »: one row per talk, added and removed until the evening is saved (one talk at least). */
export function ProgrammeSection({
  talks,
  changeTalks,
  choices,
  disabled,
}: {
  talks: TalkRow[];
  /** Applies `update` to the rows as React holds them. */
  changeTalks: (update: (rows: TalkRow[]) => TalkRow[]) => void;
  choices: PlanChoices;
  disabled: boolean;
}) {
  return (
    <Flex direction="column" alignItems="stretch" gap={4} tag="section" aria-label="Programme">
      <Typography variant="beta" tag="h2">
        Programme
      </Typography>
      {talks.map((row, index) => (
        <TalkRowFields
          key={row.key}
          row={row}
          index={index}
          choices={choices}
          disabled={disabled}
          onChange={(changed) => changeTalks((rows) => rows.map((talk) => (talk.key === changed.key ? changed : talk)))}
          onRemove={
            talks.length > 1 ? () => changeTalks((rows) => rows.filter((talk) => talk.key !== row.key)) : undefined
          }
        />
      ))}
      {disabled ? null : (
        <Box>
          <Button variant="secondary" onClick={() => changeTalks((rows) => [...rows, emptyTalk()])}>
            Ajouter un talk
          </Button>
        </Box>
      )}
    </Flex>
  );
}
