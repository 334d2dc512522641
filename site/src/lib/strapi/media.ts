function isMedia(value: Record<string, unknown>): boolean {
  return typeof value.url === 'string' && typeof value.mime === 'string';
}

/**
 * The media file's URL, absolute and naming one version of the file. The CMS's local upload
 * provider answers `/uploads/…`, which only means something next to the CMS's own origin; and
 * "replace the file" in its media library keeps that URL, so the file's last change (`updatedAt`)
 * goes in the query: a URL then names one content for good, which is what lets the build keep its
 * processed images (integrations/cms-image-cache.ts). The CMS ignores the query.
 */
function mediaUrl(media: Record<string, unknown>, cmsUrl: string): string {
  const url = new URL(media.url as string, cmsUrl);
  const changed = typeof media.updatedAt === 'string' ? Date.parse(media.updatedAt) : Number.NaN;
  if (!Number.isNaN(changed) && !url.searchParams.has('v')) url.searchParams.set('v', changed.toString(36));
  return url.href;
}

/** Makes every media URL in a raw entry absolute and versioned (see mediaUrl). */
export function absolutizeMediaUrls<T>(value: T, cmsUrl: string): T {
  if (Array.isArray(value)) return value.map((item: unknown) => absolutizeMediaUrls(item, cmsUrl)) as T;
  if (typeof value !== 'object' || value === null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = absolutizeMediaUrls(item, cmsUrl);
  if (isMedia(copy)) copy.url = mediaUrl(copy, cmsUrl);
  return copy as T;
}
