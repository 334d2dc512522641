import { describe, expect, it } from 'vitest';
import { bestCoordinates, coordinatesFromUrl, decodeOsmShortCode, isMapUrl } from '../../src/geo.ts';

describe('coordinatesFromUrl', () => {
  it.each([
    [
      'OSM link with a pin',
      'https://www.openstreetmap.org/?mlat=45.76242&mlon=3.10831#map=19/45.76242/3.10831',
      45.76242,
      3.10831,
      'marker',
    ],
    ['OSM map view', 'https://www.openstreetmap.org/#map=19/45.78435/3.10124', 45.78435, 3.10124, 'center'],
    [
      'OSM embed with a marker (entities left in)',
      'https://www.openstreetmap.org/export/embed.html?bbox&#x3D;3.116715%2C45.7946459%2C3.116815%2C45.7947459&amp;layer&#x3D;mapnik&amp;marker&#x3D;45.7946959%2C3.116765',
      45.7946959,
      3.116765,
      'marker',
    ],
    [
      'OSM embed without a marker: the box’s centre',
      'https://www.openstreetmap.org/export/embed.html?bbox=3.0999%2C45.7836%2C3.1025%2C45.7850&layer=mapnik',
      45.7843,
      3.1012,
      'center',
    ],
    [
      'Google static map, pin after a pipe',
      'http://maps.googleapis.com/maps/api/staticmap?center=Supinfo&size=600x400&sensor=false&markers=color:red|45.7743,3.0826',
      45.7743,
      3.0826,
      'marker',
    ],
    [
      'Google static map, encoded pipe',
      'http://maps.googleapis.com/maps/api/staticmap?size=600x400&markers=color:red%7C45.7590795,3.1301792',
      45.7590795,
      3.1301792,
      'marker',
    ],
    [
      'Google place URL',
      'https://www.google.com/maps/place/22+All%C3%A9e+Alan+Turing/@45.7590795,3.1301792,17z',
      45.7590795,
      3.1301792,
      'marker',
    ],
    [
      'Google maps ll (sll ignored)',
      'https://maps.google.fr/maps?q=37+Rue+Gonod&ll=45.774195,3.082427&sll=46.75984,1.738281',
      45.774195,
      3.082427,
      'center',
    ],
    ['Google maps q=lat,lon', 'https://maps.google.com/?q=45.77,3.08', 45.77, 3.08, 'marker'],
  ])('%s', (_label, url, latitude, longitude, kind) => {
    const found = coordinatesFromUrl(url);
    expect(found?.latitude).toBeCloseTo(latitude, 3);
    expect(found?.longitude).toBeCloseTo(longitude, 3);
    expect(found?.kind).toBe(kind);
  });

  it.each([
    'https://goo.gl/maps/MFBp4',
    'https://maps.google.fr/maps?ie=UTF8&cid=3358887464373546188&q=Celtill',
    'https://www.openstreetmap.org/?query=11 rue niel 63100 clermont-ferrand',
    'https://clermontech-apihour-01.eventbrite.fr',
    'not a url',
  ])('finds nothing in %s', (url) => {
    expect(coordinatesFromUrl(url)).toBeUndefined();
  });

  it('decodes OpenStreetMap short links', () => {
    const point = decodeOsmShortCode('0AkOKx_14--');
    expect(point?.latitude).toBeCloseTo(45.795, 2);
    expect(point?.longitude).toBeCloseTo(3.116, 2);
    expect(coordinatesFromUrl('https://osm.org/go/0AkOKx_14--')?.kind).toBe('marker');
  });
});

describe('bestCoordinates', () => {
  it('prefers a pin to a map centre', () => {
    const found = bestCoordinates([
      'https://www.openstreetmap.org/#map=19/45.1/3.1',
      'https://www.openstreetmap.org/?mlat=45.2&mlon=3.2',
    ]);
    expect(found).toMatchObject({ latitude: 45.2, longitude: 3.2 });
  });
});

describe('isMapUrl', () => {
  it.each([
    ['https://goo.gl/maps/MFBp4', true],
    ['https://www.google.com/maps/place/x', true],
    ['https://maps.google.fr/maps?q=x', true],
    ['https://osm.org/go/0AkOKx_14--', true],
    ['https://www.google.com/search?q=x', false],
    ['https://www.eventbrite.fr/e/1', false],
  ])('%s → %s', (url, expected) => {
    expect(isMapUrl(url)).toBe(expected);
  });
});
