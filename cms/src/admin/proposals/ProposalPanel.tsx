import { useCallback, useEffect, useState } from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { Link } from 'react-router-dom';
import { useFetchClient } from '@strapi/strapi/admin';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { ProblemLine } from '../ProblemLine';
import { usePanelCalls } from '../use-panel-calls';

const PROPOSAL = 'api::proposal.proposal';

interface Tally {
  votes: number;
  mine: boolean;
}

interface PanelState extends Tally {
  talk: { documentId: string; title: string } | null;
}

interface CreatedTalk {
  documentId: string;
  title: string;
  speaker: { name: string; reused: boolean };
}

const talkPath = (documentId: string) => `/content-manager/collection-types/api::talk.talk/${documentId}`;

/** Votes and "turn into a talk", beside a proposal's form. */
function ProposalMembersPanel({ documentId, reviewStatus }: { documentId: string; reviewStatus?: string }) {
  const { get, post } = useFetchClient();
  const [tally, setTally] = useState<Tally>();
  const [talk, setTalk] = useState<PanelState['talk']>(null);
  const [created, setCreated] = useState<CreatedTalk>();
  const { busy, problem, load, act } = usePanelCalls(false);

  const refresh = useCallback(
    () =>
      load(async () => {
        const { data } = await get<PanelState>(`/talk-proposals/${documentId}/votes`);
        setTally({ votes: data.votes, mine: data.mine });
        setTalk(data.talk);
      }),
    [documentId, get, load],
  );

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // act() catches and shows every failure in the panel, so a click handler may let its promise float.
  const vote = (inFavour: boolean) =>
    void act(async () => setTally((await post<Tally>(`/talk-proposals/${documentId}/votes`, { inFavour })).data), true);
  const makeTalk = () =>
    void act(async () => setCreated((await post<CreatedTalk>(`/talk-proposals/${documentId}/talk`)).data), true);

  const linkedTalk = created ?? talk;
  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%">
      <Typography variant="omega" data-testid="proposal-votes">
        {tally === undefined
          ? 'Votes…'
          : `${tally.votes} vote${tally.votes > 1 ? 's' : ''}${tally.mine ? ' (dont le vôtre)' : ''}`}
      </Typography>
      {tally ? (
        <Button
          variant={tally.mine ? 'tertiary' : 'secondary'}
          loading={busy}
          onClick={() => vote(!tally.mine)}
          fullWidth
        >
          {tally.mine ? 'Retirer mon vote' : 'Je vote pour'}
        </Button>
      ) : null}
      {linkedTalk ? (
        <Box>
          <Typography variant="pi">
            {created
              ? `Talk créé en brouillon (${created.speaker.reused ? 'speaker existant' : 'nouveau speaker'}) : `
              : 'Devenue le talk : '}
          </Typography>
          <Link to={talkPath(linkedTalk.documentId)}>{linkedTalk.title}</Link>
        </Box>
      ) : (
        <Button variant="default" loading={busy} disabled={reviewStatus !== 'acceptee'} onClick={makeTalk} fullWidth>
          Transformer en talk
        </Button>
      )}
      {!linkedTalk && reviewStatus !== 'acceptee' ? (
        <Typography variant="pi" textColor="neutral600">
          Possible une fois le statut « acceptee » enregistré.
        </Typography>
      ) : null}
      {problem ? <ProblemLine problem={problem} /> : null}
    </Flex>
  );
}

/** The side panel, on proposals only (Strapi calls it on every edit view). */
export const ProposalPanel: PanelComponent = ({ model, documentId, document }) => {
  if (model !== PROPOSAL || !documentId) return null;
  const current = document as { reviewStatus?: string } | undefined;
  return {
    title: 'Votes des membres',
    content: <ProposalMembersPanel documentId={documentId} reviewStatus={current?.reviewStatus} />,
  };
};
