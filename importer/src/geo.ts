import { decodeEntities } from './text.ts';

export interface Coordinates {
  latitude: number;
  longitude: number;
}

/** Coordinates read from one map URL, with how precise the URL says they are. */
export interface MapPoint extends Coordinates {
  /** `marker`: a pin on the place; `center`: the middle of a map view around it. */
  kind: 'marker' | 'center';
  url: string;
}

function point(
  lat: string | number | undefined,
  lon: string | number | undefined,
  kind: MapPoint['kind'],
  url: string,
): MapPoint | undefined {
  const latitude = Number(lat);
  const longitude = Number(lon);
  if (lat === undefined || lon === undefined || `${lat}`.trim() === '' || `${lon}`.trim() === '') return undefined;
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return undefined;
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180 || (latitude === 0 && longitude === 0)) return undefined;
  return { latitude: round(latitude), longitude: round(longitude), kind, url };
}

/** Seven decimals: about a centimetre, more than any map link means. */
function round(value: number): number {
  return Math.round(value * 1e7) / 1e7;
}

const OSM_SHORT_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_~';

/**
 * Decodes an OpenStreetMap short link code (`osm.org/go/0AkOKx_14--`): 6 bits per character,
 * longitude and latitude bits interleaved (as OSM's lib/short_link.rb encodes them).
 */
export function decodeOsmShortCode(code: string): Coordinates | undefined {
  let x = 0n;
  let y = 0n;
  let z = 0;
  for (const char of code.replace(/@/g, '~')) {
    // Trailing "-" only refine the zoom, which a place does not need.
    if (char === '-' || char === '=') continue;
    const t = OSM_SHORT_CHARS.indexOf(char);
    if (t === -1) break;
    for (let bit = 0; bit < 3; bit++) {
      x = (x << 1n) | BigInt((t >> (5 - 2 * bit)) & 1);
      y = (y << 1n) | BigInt((t >> (4 - 2 * bit)) & 1);
    }
    z += 3;
  }
  if (z === 0) return undefined;
  x <<= BigInt(32 - z);
  y <<= BigInt(32 - z);
  const scale = 2 ** 32;
  const longitude = (Number(x) * 360) / scale - 180;
  const latitude = (Number(y) * 180) / scale - 90;
  return { latitude: round(latitude), longitude: round(longitude) };
}

function parseUrl(raw: string): URL | undefined {
  const value = decodeEntities(raw.trim()).replace(/^\/\//, 'https://');
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/** Coordinates from an OpenStreetMap or Google Maps URL (link, embed or static map), if it holds any. */
export function coordinatesFromUrl(raw: string): MapPoint | undefined {
  const url = parseUrl(raw);
  if (!url) return undefined;
  const href = url.href;
  const host = url.hostname.replace(/^www\./, '');
  const params = url.searchParams;

  if (host === 'openstreetmap.org' || host.endsWith('.openstreetmap.org') || host === 'osm.org') {
    const short = /^\/go\/([A-Za-z0-9_~@=-]+)/.exec(url.pathname);
    if (short) {
      const decoded = decodeOsmShortCode(short[1]!);
      return decoded ? point(decoded.latitude, decoded.longitude, 'marker', href) : undefined;
    }
    const marker = params.get('marker')?.split(',');
    if (marker && marker.length === 2) return point(marker[0], marker[1], 'marker', href);
    if (params.has('mlat'))
      return point(params.get('mlat') ?? undefined, params.get('mlon') ?? undefined, 'marker', href);
    const map = /map=\d+\/(-?[\d.]+)\/(-?[\d.]+)/.exec(url.hash);
    if (map) return point(map[1], map[2], 'center', href);
    if (params.has('lat')) return point(params.get('lat') ?? undefined, params.get('lon') ?? undefined, 'center', href);
    const bbox = params.get('bbox')?.split(',').map(Number);
    if (bbox && bbox.length === 4 && bbox.every(Number.isFinite)) {
      const [west, south, east, north] = bbox as [number, number, number, number];
      return point((south + north) / 2, (west + east) / 2, 'center', href);
    }
    return undefined;
  }

  const isGoogle =
    /(^|\.)google\.[a-z.]+$/.test(host) ||
    host === 'maps.googleapis.com' ||
    host === 'goo.gl' ||
    host === 'maps.app.goo.gl';
  if (!isGoogle) return undefined;
  // Static maps: `markers=color:red|45.77,3.08` (the pin), else `center=45.77,3.08`.
  const markers = params.get('markers');
  if (markers) {
    const last = markers.split('|').pop() ?? '';
    const [lat, lon] = last.split(',');
    const found = point(lat, lon, 'marker', href);
    if (found) return found;
  }
  const at = /\/@(-?\d+\.\d+),(-?\d+\.\d+)/.exec(url.pathname);
  if (at) return point(at[1], at[2], 'marker', href);
  const query = params.get('q') ?? params.get('query') ?? params.get('daddr');
  const queryPoint = query ? /^\s*(-?\d+\.\d+)\s*,\s*(-?\d+\.\d+)\s*$/.exec(query) : undefined;
  if (queryPoint) return point(queryPoint[1], queryPoint[2], 'marker', href);
  // `!3d45.7!4d3.1` in place URLs is the place itself.
  const place = /!3d(-?\d+\.\d+)!4d(-?\d+\.\d+)/.exec(href);
  if (place) return point(place[1], place[2], 'marker', href);
  // `ll` is the view's centre; `sll` is a previous search's and says nothing about this place.
  const ll = params.get('ll')?.split(',');
  if (ll && ll.length === 2) return point(ll[0], ll[1], 'center', href);
  const center = params.get('center')?.split(',');
  if (center && center.length === 2) return point(center[0], center[1], 'center', href);
  return undefined;
}

/** The best coordinates among several map URLs: the first pin, else the first map centre. */
export function bestCoordinates(urls: string[]): MapPoint | undefined {
  const points = urls.map(coordinatesFromUrl).filter((found): found is MapPoint => found !== undefined);
  return points.find((found) => found.kind === 'marker') ?? points[0];
}

/** True for URLs of map services (links and embeds), which are never a registration or streaming link. */
export function isMapUrl(raw: string): boolean {
  const url = parseUrl(raw);
  if (!url) return false;
  const host = url.hostname.replace(/^www\./, '');
  return (
    host === 'osm.org' ||
    host.endsWith('openstreetmap.org') ||
    host === 'maps.googleapis.com' ||
    host === 'goo.gl' ||
    host === 'maps.app.goo.gl' ||
    (/(^|\.)google\.[a-z.]+$/.test(host) && (url.pathname.startsWith('/maps') || host.startsWith('maps.')))
  );
}
