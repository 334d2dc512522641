import { Typography } from '@strapi/design-system';

/** A failure shown in a side panel, read out by screen readers as it appears. */
export function ProblemLine({ problem }: { problem: string }) {
  return (
    <Typography variant="pi" textColor="danger600" role="alert">
      {problem}
    </Typography>
  );
}
