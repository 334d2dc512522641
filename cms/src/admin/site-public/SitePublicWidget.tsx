import { useCallback, useEffect, useState } from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import type { SitePublicStatus } from '../../publisher/contracts';
import { describeStatus } from './describe-status';

const REFRESH_MS = 1_000;

/** Homepage widget: is the public site up to date, and a button to publish it again. */
export function SitePublicWidget() {
  const { get, post } = useFetchClient();
  const [status, setStatus] = useState<SitePublicStatus>();
  const [asking, setAsking] = useState(false);

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

  const republish = async () => {
    setAsking(true);
    try {
      await post('/site-public/rebuild');
      await refresh();
    } finally {
      setAsking(false);
    }
  };

  const { headline, failure, tone } = describeStatus(status);
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="site-public-widget">
      <Typography variant="omega" fontWeight="bold" textColor={tone === 'danger' ? 'danger600' : tone === 'success' ? 'success600' : 'neutral800'} data-testid="site-public-status">
        {headline}
      </Typography>
      {failure ? (
        <Typography variant="pi" textColor="danger600" data-testid="site-public-failure">
          {failure}
        </Typography>
      ) : null}
      <Box>
        <Button onClick={republish} loading={asking} variant="secondary">
          Republier le site
        </Button>
      </Box>
    </Flex>
  );
}
