function isMedia(value: Record<string, unknown>): boolean {
  return typeof value.url === 'string' && typeof value.mime === 'string';
}

/**
 * Makes every media URL in a raw entry absolute. The CMS's local upload provider answers
 * `/uploads/…`, which only means something next to the CMS's own origin.
 */
export function absolutizeMediaUrls<T>(value: T, cmsUrl: string): T {
  if (Array.isArray(value)) return value.map((item: unknown) => absolutizeMediaUrls(item, cmsUrl)) as T;
  if (typeof value !== 'object' || value === null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = absolutizeMediaUrls(item, cmsUrl);
  if (isMedia(copy)) copy.url = new URL(copy.url as string, cmsUrl).href;
  return copy as T;
}
