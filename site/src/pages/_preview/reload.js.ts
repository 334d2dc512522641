import type { APIRoute } from 'astro';
import { siteEnv } from '../../env.ts';

/**
 * The preview's only script (an external file: the site's CSP forbids inline scripts). When the
 * admin, in whose iframe the preview is shown, says the draft was saved, the page reloads.
 */
export const GET: APIRoute = () => {
  const cmsOrigin = new URL(siteEnv().CMS_URL).origin;
  const script = `const cms = ${JSON.stringify(cmsOrigin)};
addEventListener('message', (event) => {
  if (event.origin === cms && event.data && event.data.type === 'strapiUpdate') location.reload();
});
`;
  return new Response(script, { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
};
