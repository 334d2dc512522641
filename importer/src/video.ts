/** A talk's recording: a link to watch it and where the talk starts in it, in seconds. */
export interface Video {
  url: string;
  start?: number;
}

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;

/** Seconds from `90`, `90s`, `1m30s`, `1h2m3s`, `01:30` or `1:02:03`; undefined if unreadable. */
export function parseOffset(value: string | undefined | null): number | undefined {
  if (value === undefined || value === null) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const clock = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(trimmed);
  if (clock) return Number(clock[1] ?? 0) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
  const units = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?$/i.exec(trimmed);
  if (units && (units[1] || units[2] || units[3]))
    return Number(units[1] ?? 0) * 3600 + Number(units[2] ?? 0) * 60 + Number(units[3] ?? 0);
  return undefined;
}

function youtube(id: string, start: number | undefined): Video {
  return { url: `https://www.youtube.com/watch?v=${id}`, ...(start ? { start } : {}) };
}

/**
 * Reads a talk's `video` front matter: a bare YouTube id (`UKG8EaHwY5E`), an id with a start
 * (`UKG8EaHwY5E?t=95`, `UKG8EaHwY5E#t=1m35s`), or any YouTube, Vimeo, PeerTube… URL. `startValue` is a
 * separate start field (`video_start`) when the site has one; it wins over the URL's.
 */
export function parseVideo(value: string | undefined, startValue?: string): Video | undefined {
  const raw = value?.trim();
  if (!raw) return undefined;
  const explicitStart = parseOffset(startValue);
  const bare = /^([A-Za-z0-9_-]{11})(?:[?#&](?:t|start|time_continue)=([0-9hms:]+))?$/.exec(raw);
  if (bare) return youtube(bare[1]!, explicitStart ?? parseOffset(bare[2]));
  let url: URL;
  try {
    url = new URL(raw.replace(/^\/\//, 'https://'));
  } catch {
    return undefined;
  }
  const host = url.hostname.replace(/^(www|m)\./, '');
  const hashStart = /(?:^#|&)t=([0-9hms:]+)/.exec(url.hash)?.[1];
  const start = explicitStart ?? parseOffset(url.searchParams.get('t') ?? url.searchParams.get('start') ?? hashStart);
  let id: string | undefined;
  if (host === 'youtu.be') id = url.pathname.slice(1).split('/')[0];
  else if (host === 'youtube.com' || host === 'youtube-nocookie.com') {
    id = url.searchParams.get('v') ?? /^\/(?:embed|v|live|shorts)\/([^/?#]+)/.exec(url.pathname)?.[1];
  }
  if (id && YOUTUBE_ID.test(id)) return youtube(id, start);
  url.protocol = 'https:';
  return { url: url.href, ...(start ? { start } : {}) };
}
