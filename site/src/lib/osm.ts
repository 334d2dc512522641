import type { Venue } from './strapi/schemas.ts';

/** The venue on OpenStreetMap: a pin when coordinates are known, a search otherwise. */
export function openStreetMapUrl(venue: Venue): string {
  const { latitude, longitude } = venue;
  if (latitude !== undefined && longitude !== undefined) {
    return `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=18/${latitude}/${longitude}`;
  }
  const query = [venue.address ?? venue.name, venue.postcode, venue.city].filter(Boolean).join(', ');
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(query)}`;
}

/** "12 rue X, 63000 Clermont-Ferrand" (whatever parts are known). */
export function postalAddress(venue: Venue): string {
  const locality = [venue.postcode, venue.city].filter(Boolean).join(' ');
  return [venue.address, locality].filter(Boolean).join(', ');
}
