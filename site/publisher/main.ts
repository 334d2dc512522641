/** The publisher: serves the site's current release and rebuilds it when the CMS signals a change. */
import { createApp } from './app.ts';
import { fetchCmsVersion } from './cms-version.ts';
import { publisherConfig, siteRoot } from './config.ts';
import { serve } from './node-adapter.ts';
import { createPreview } from './preview.ts';
import { PreviewImageGrants } from './preview-images.ts';
import { Publisher } from './publisher.ts';
import { ReleaseStore } from './release-store.ts';
import { HSTS } from './security-headers.ts';
import { StatusFile } from './status.ts';

let config;
try {
  config = publisherConfig();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

const store = new ReleaseStore(config.releasesDir);
const publisher = new Publisher({
  siteRoot,
  store,
  status: new StatusFile(config.releasesDir),
  buildEnv: config.buildEnv,
  buildProcessMaxBytes: config.buildProcessMaxBytes,
  shareReleaseFiles: config.shareReleaseFiles,
  fetchVersion: () => fetchCmsVersion(config.cmsUrl, config.cmsToken),
  secrets: [config.token, config.cmsToken ?? ''],
  log: (line) => console.log(line),
});
const preview = createPreview({
  store,
  cmsUrl: config.cmsUrl,
  images: new PreviewImageGrants(config.token),
  log: (line) => console.log(line),
});
const app = createApp({
  store,
  token: config.token,
  status: () => publisher.status(),
  onChange: (reason, force) => publisher.request(reason, { force }),
  preview,
  cmsOrigin: new URL(config.cmsUrl).origin,
  https: config.https,
});
const server = serve(app, {
  origin: config.origin,
  headers: config.https ? { 'strict-transport-security': HSTS } : {},
});

server.listen(config.port, config.host, () => {
  console.log(`publisher: serving ${config.releasesDir} on http://${config.host}:${config.port}`);
  // Catch up with whatever changed while the publisher was down (or build the first release).
  void publisher.reconcile();
});

const reconcile =
  config.reconcileMs > 0 ? setInterval(() => void publisher.reconcile(), config.reconcileMs) : undefined;

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    clearInterval(reconcile);
    server.close();
    server.closeAllConnections();
    process.exit(0);
  });
}
