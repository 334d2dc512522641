/** A recording that can be embedded once the reader asks for it. */
export interface EmbeddableVideo {
  provider: 'YouTube' | 'Vimeo';
  /** Player URL, privacy-enhanced, autoplaying (the reader already clicked). */
  embedUrl: string;
}

const YOUTUBE_HOSTS = new Set([
  'youtube.com',
  'www.youtube.com',
  'm.youtube.com',
  'youtu.be',
  'www.youtube-nocookie.com',
  'youtube-nocookie.com',
]);
const VIMEO_HOSTS = new Set(['vimeo.com', 'www.vimeo.com', 'player.vimeo.com']);
const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;

function youtubeId(url: URL): string | undefined {
  const segments = url.pathname.split('/').filter(Boolean);
  const candidate =
    url.hostname === 'youtu.be'
      ? segments[0]
      : url.pathname === '/watch'
        ? (url.searchParams.get('v') ?? undefined)
        : ['embed', 'live', 'shorts', 'v'].includes(segments[0] ?? '')
          ? segments[1]
          : undefined;
  return candidate && YOUTUBE_ID.test(candidate) ? candidate : undefined;
}

/** "1h2m3s", "90s" or "90" to seconds. */
function parseStart(value: string | null): number | undefined {
  if (!value) return undefined;
  const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?$/.exec(value);
  if (!match || value === '') return undefined;
  const [, hours = '0', minutes = '0', seconds = '0'] = match;
  return Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
}

/** The embeddable form of a YouTube or Vimeo URL; undefined for other hosts (shown as a plain link). */
export function embeddableVideo(videoUrl: string, startSeconds?: number): EmbeddableVideo | undefined {
  let url: URL;
  try {
    url = new URL(videoUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (YOUTUBE_HOSTS.has(url.hostname)) {
    const id = youtubeId(url);
    if (!id) return undefined;
    const start = startSeconds ?? parseStart(url.searchParams.get('t') ?? url.searchParams.get('start'));
    const params = new URLSearchParams({ autoplay: '1', rel: '0' });
    if (start) params.set('start', String(start));
    return { provider: 'YouTube', embedUrl: `https://www.youtube-nocookie.com/embed/${id}?${params}` };
  }
  if (VIMEO_HOSTS.has(url.hostname)) {
    const id = url.pathname
      .split('/')
      .filter(Boolean)
      .find((segment) => /^\d+$/.test(segment));
    if (!id) return undefined;
    const time = startSeconds ? `#t=${startSeconds}s` : '';
    return { provider: 'Vimeo', embedUrl: `https://player.vimeo.com/video/${id}?dnt=1&autoplay=1${time}` };
  }
  return undefined;
}
