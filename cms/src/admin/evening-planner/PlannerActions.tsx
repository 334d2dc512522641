import { Link as RouterLink } from 'react-router-dom';
import { Box, Button, Flex, LinkButton } from '@strapi/design-system';
import { EVENT_UID } from './evening-labels';
import type { useEveningPlan } from './use-evening-plan';

type Plan = ReturnType<typeof useEveningPlan>;

/**
 * The buttons under the form: « Enregistrer » until the evening is saved; then preview and publish
 * (until it is published), its event's page, and a fresh form for another evening.
 */
export function PlannerActions({
  plan: { documentId, busy, published, save, preview, publish, again },
}: {
  plan: Pick<Plan, 'documentId' | 'busy' | 'published' | 'save' | 'preview' | 'publish' | 'again'>;
}) {
  const saved = documentId !== undefined;
  return (
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
  );
}

/** The saved evening as the site will show it, drafts included. */
export function PlannerPreview({ url }: { url: string }) {
  return (
    <Box hasRadius borderColor="neutral200" overflow="hidden">
      <iframe
        title="Aperçu de la soirée"
        src={url}
        data-testid="planner-preview"
        style={{ width: '100%', height: '720px', border: 0 }}
      />
    </Box>
  );
}
