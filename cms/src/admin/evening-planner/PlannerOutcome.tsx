import { Alert } from '@strapi/design-system';
import type { Outcome } from './use-evening-plan';

/** The last call's outcome: its message, then the problems a refusal listed, one per line. */
export function PlannerOutcome({ outcome }: { outcome: Outcome }) {
  return (
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
  );
}
