import { useCallback, useEffect, useState } from 'react';
import { Flex, Link, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { contentTypeOfUid, isPublicContentType } from '@clermontech/config/contract';
import type { EntryLiveState } from '../../site-publishing/entry-live-state';
import { describeLiveState } from './describe-live-state';

/** Asked again this often: a publication goes live within seconds, and the label follows it. */
const REFRESH_MS = 1_000;

const TONE_COLOR = {
  success: 'success600',
  neutral: 'neutral700',
  warning: 'warning600',
  danger: 'danger600',
} as const;

function LiveState({ model, documentId, version }: { model: string; documentId: string; version: string }) {
  const { get } = useFetchClient();
  const [state, setState] = useState<EntryLiveState>();
  const [problem, setProblem] = useState<string>();

  const refresh = useCallback(async () => {
    try {
      setState((await get<EntryLiveState>(`/site-public/entries/${model}/${documentId}`)).data);
      setProblem(undefined);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  }, [documentId, get, model]);

  // `version` changes on every save and publish: the state is asked again at once.
  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh, version]);

  if (!state) {
    return (
      <Typography variant="pi" textColor={problem ? 'danger600' : 'neutral600'}>
        {problem ? `État indisponible : ${problem}` : 'Chargement…'}
      </Typography>
    );
  }
  const line = describeLiveState(state);
  return (
    <Flex direction="column" alignItems="stretch" gap={2} width="100%">
      <Typography variant="omega" fontWeight="bold" textColor={TONE_COLOR[line.tone]} data-testid="live-state">
        {line.label}
      </Typography>
      {line.detail ? (
        <Typography variant="pi" textColor="neutral600">
          {line.detail}
        </Typography>
      ) : null}
      {state.url && state.publishedAt ? (
        <Link href={state.url} isExternal data-testid="live-state-link">
          Voir sur le site
        </Link>
      ) : null}
    </Flex>
  );
}

/** On every public entry's edit view: its public link and whether it is live, being published, a draft or modified since. */
export const LiveStatePanel: PanelComponent = ({ model, documentId, document }) => {
  if (!documentId || !isPublicContentType(contentTypeOfUid(model) ?? '')) return null;
  const current = document as { updatedAt?: string; status?: string; publishedAt?: string | null } | undefined;
  return {
    title: 'Sur le site public',
    content: (
      <LiveState
        model={model}
        documentId={documentId}
        version={`${current?.updatedAt ?? ''}|${current?.status ?? ''}`}
      />
    ),
  };
};
