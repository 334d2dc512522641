import { SITE_VERSION_PATH, type SiteVersionResponse } from '@clermontech/config/contract';

/**
 * The CMS's content version: a counter the CMS bumps on every content or media write. Equal versions
 * mean nothing changed since; the publisher doesn't need to know what the content is.
 */
export async function fetchCmsVersion(cmsUrl: string, token: string | undefined): Promise<string | undefined> {
  const response = await fetch(new URL(SITE_VERSION_PATH, cmsUrl), {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    signal: AbortSignal.timeout(5_000),
  });
  if (!response.ok) return undefined;
  const body = (await response.json()) as Partial<SiteVersionResponse>;
  return body.data?.version === undefined ? undefined : String(body.data.version);
}
