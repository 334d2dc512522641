import { useCallback, useEffect, useState } from 'react';
import { Box, Button, Flex, Link, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import type { SitePublicStatus } from '../../site-publishing/contracts';
import { describeStatus } from './describe-status';

const REFRESH_MS = 1_000;

/**
 * Homepage widget: is the public site up to date (since which day and time), a link to it, a button
 * to publish it again, and, when a build was refused for removing most pages, why and a button to
 * confirm that removal. Only users with "Republier le site" (Editor, Super Admin) see it.
 */
export function SitePublicWidget() {
  const { get, post } = useFetchClient();
  const [status, setStatus] = useState<SitePublicStatus>();
  const [asking, setAsking] = useState(false);
  const [confirming, setConfirming] = useState(false);

  const refresh = useCallback(async () => {
    try {
      const { data } = await get<SitePublicStatus>('/site-public/status');
      setStatus(data);
    } catch (error) {
      setStatus({ reachable: false, error: error instanceof Error ? error.message : String(error) });
    }
  }, [get]);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  // Click handlers let these float: the status polled every second shows whether the publisher took the order.
  const republish = async () => {
    setAsking(true);
    try {
      await post('/site-public/rebuild');
      await refresh();
    } finally {
      setAsking(false);
    }
  };

  const confirmRemoval = async () => {
    setConfirming(true);
    try {
      await post('/site-public/confirm-removal');
      await refresh();
    } finally {
      setConfirming(false);
    }
  };

  const { headline, failure, removal, tone } = describeStatus(status);
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="site-public-widget">
      <Typography
        variant="omega"
        fontWeight="bold"
        textColor={tone === 'danger' ? 'danger600' : tone === 'success' ? 'success600' : 'neutral800'}
        data-testid="site-public-status"
      >
        {headline}
      </Typography>
      {status?.siteUrl ? (
        <Link href={status.siteUrl} isExternal data-testid="site-public-link">
          Voir le site
        </Link>
      ) : null}
      {failure ? (
        <Typography variant="pi" textColor="danger600" data-testid="site-public-failure">
          {failure}
        </Typography>
      ) : null}
      {removal ? (
        <Flex direction="column" alignItems="stretch" gap={2}>
          <Typography variant="pi" textColor="danger600" data-testid="site-public-removal">
            {removal}
          </Typography>
          {status?.removal?.confirmed ? null : (
            <Box>
              <Button onClick={() => void confirmRemoval()} loading={confirming} variant="danger-light">
                Confirmer la suppression
              </Button>
            </Box>
          )}
        </Flex>
      ) : null}
      <Box>
        <Button onClick={() => void republish()} loading={asking} variant="secondary">
          Republier le site
        </Button>
      </Box>
    </Flex>
  );
}
