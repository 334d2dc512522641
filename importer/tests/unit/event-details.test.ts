import { describe, expect, it } from 'vitest';
import {
  addressKey,
  extractCapacity,
  extractOnlineUrl,
  extractPhotosUrl,
  extractRegistrationUrl,
  extractVenue,
  findAddress,
  parseAddress,
  venueKey,
} from '../../src/event-details.ts';

const practical = (text: string) =>
  `## Concept\n\nQuatre conférences courtes.\n\n## Informations pratiques\n\n${text}\n\n## Inscription\n\nVenez !\n`;

describe('extractVenue', () => {
  it.each([
    [
      'bold name after the time, linked address',
      'Cet événement aura lieu **le 03 juillet 2013** à **19h** au **Celtill**, un\nrestaurant. L’adresse exacte est : [**11 rue Niel, 63100\nClermont-Ferrand**](https://maps.google.fr/maps?ie=UTF8&cid=1&q=Celtill).',
      'Celtill',
      { street: '11 rue Niel', postcode: '63100', city: 'Clermont-Ferrand' },
    ],
    [
      'linked name with a room, an initial in the street',
      'Cet événement aura lieu le **jeudi 7 juillet 2016** à **19h** au [**Centre Jean Richepin (Salle numero 5)**](http://example.org).  L’adresse\nexacte est : [**21 Rue J. Richepin, 63000 Clermont-Ferrand**](https://goo.gl/maps/MFBp4).',
      'Centre Jean Richepin',
      { street: '21 Rue J. Richepin', postcode: '63000', city: 'Clermont-Ferrand' },
    ],
    [
      '"dans les locaux de" and an unlinked address',
      'Cet événement aura lieu le **mercredi 5 juin 2019** à **18h** dans les\nlocaux de l’[Institut de la PME](https://www.institutdelapme.com/), 6 Avenue\nMichel Ange, Parc Technologique de La Pardieu, 63000 Clermont-Ferrand.',
      'Institut de la PME',
      { street: '6 Avenue Michel Ange, Parc Technologique de La Pardieu', postcode: '63000', city: 'Clermont-Ferrand' },
    ],
    [
      'a room, then whose room it is',
      'Cet événement aura lieu le **lundi 7 novembre 2016** à **19h** à **l’amphi A** de\nl’Institut Universitaire de Technologie (IUT) Informatique de Clermont-Ferrand .\nL’adresse exacte est : [**5 Avenue Blaise Pascal, 63170 Aubière**](https://www.openstreetmap.org/?mlat=45.76242&mlon=3.10831).',
      'Institut Universitaire de Technologie (IUT) Informatique de Clermont-Ferrand',
      { street: '5 Avenue Blaise Pascal', postcode: '63170', city: 'Aubière' },
    ],
    [
      '"NAME - address" after "L’adresse exacte"',
      'Cet événement aura lieu **le 3 avril 2013** à **19h**, en centre ville dans une salle prêtée par Supinfo. L’adresse\nexacte : **SUPINFO** - 37 Rue Gonod 63000 Clermont-Ferrand.',
      'SUPINFO',
      { street: '37 Rue Gonod', postcode: '63000', city: 'Clermont-Ferrand' },
    ],
    [
      'a new venue in plain words, Clermont-Fd',
      'Rendez-vous le mardi 3 mars 2020 à 18h30 à la Fabrique des Puys, 12 rue des Gras 63000 Clermont-Fd.',
      'Fabrique des Puys',
      { street: '12 rue des Gras', postcode: '63000', city: 'Clermont-Ferrand' },
    ],
  ])('%s', (_label, text, name, address) => {
    const venue = extractVenue(practical(text));
    expect(venue.name).toBe(name);
    expect(venue.address).toEqual(address);
    expect(venue.online).toBe(false);
  });

  it('reads coordinates from the map embed', () => {
    const venue = extractVenue(
      practical(
        'Cet événement aura lieu le **10 Septembre 2019** à **19h** au **Celtill**.\n<iframe width="100%" src="https://www.openstreetmap.org/export/embed.html?bbox=3.09%2C45.78%2C3.10%2C45.79&amp;layer=mapnik&amp;marker=45.7843475520491%2C3.101585805416107"></iframe>',
      ),
    );
    expect(venue.coordinates).toMatchObject({ latitude: 45.7843476, longitude: 3.1015858, kind: 'marker' });
  });

  it('sees an online evening without a venue', () => {
    const venue = extractVenue(
      practical(
        'L’API Hour #50 aura lieu le **jeudi 25 juin 2020** à **19h** en ligne, sur [Twitch](https://www.twitch.tv/clermontech).',
      ),
    );
    expect(venue.online).toBe(true);
    expect(venue.address).toBeUndefined();
    expect(venue.name).toBeUndefined();
  });

  it('sees a hybrid evening: a venue and a stream', () => {
    const markdown = practical(
      'Rendez-vous le **mardi 14 mars 2023** à **19h** au **Bivouac**, 59 boulevard Léon Jouhaux 63000 Clermont-Ferrand, et en direct sur [YouTube](https://www.youtube.com/live/abcdefghijk).',
    );
    const venue = extractVenue(markdown);
    expect(venue.name).toBe('Bivouac');
    expect(venue.online).toBe(true);
    expect(extractOnlineUrl(markdown, venue.online)).toBe('https://www.youtube.com/live/abcdefghijk');
  });
});

describe('addresses', () => {
  it('splits street, postcode and city', () => {
    expect(parseAddress('22, allée Alan Turing 63000 Clermont-Fd')).toEqual({
      street: '22, allée Alan Turing',
      postcode: '63000',
      city: 'Clermont-Ferrand',
    });
    expect(parseAddress('Place des Bughes, 63000 Clermont-Ferrand, France')).toEqual({
      street: 'Place des Bughes',
      postcode: '63000',
      city: 'Clermont-Ferrand',
    });
    expect(parseAddress('11 rue niel 63100 clermont-ferrand')).toEqual({
      street: '11 rue niel',
      postcode: '63100',
      city: 'Clermont-Ferrand',
    });
  });

  it('finds an address in running text', () => {
    expect(findAddress('au Délirium café 20 Rue la Tour d’Auvergne, 63000 Clermont-Ferrand.')).toEqual({
      street: '20 Rue la Tour d’Auvergne',
      postcode: '63000',
      city: 'Clermont-Ferrand',
    });
  });

  it('gives one key to spellings of one address', () => {
    expect(addressKey({ street: '20 Rue la Tour d’Auvergne', postcode: '63000' })).toBe(
      addressKey({ street: '20 rue de la Tour D’Auvergne', postcode: '63000' }),
    );
    expect(addressKey({ street: '11 rue niel', postcode: '63100' })).toBe(
      addressKey({ street: '11, Rue Niel', postcode: '63100' }),
    );
    expect(addressKey({ street: '59 bd Léon Jouhaux', postcode: '63000' })).toBe(
      addressKey({ street: '59 Boulevard Leon Jouhaux', postcode: '63000' }),
    );
  });

  it('keys venues by address, else by name', () => {
    expect(venueKey({ name: 'Celtill', address: { street: '11 rue Niel', postcode: '63100' } })).toBe(
      venueKey({ name: 'Le Celtill', address: { street: '11 Rue Niel', postcode: '63100' } }),
    );
    expect(venueKey({ name: 'La Baie des Singes' })).toBe('name:la-baie-des-singes');
    expect(venueKey({})).toBeUndefined();
  });
});

describe('extractCapacity', () => {
  it.each([
    ['Cet événement est limité à **50 personnes**.', 50],
    ['Cet événement est, exceptionnellement, limité à **80 personnes**.', 80],
    ['Limité à 30 places.', 30],
    ['Jauge : 40 personnes', 40],
    ['**25 places** maximum', 25],
    ['Entrée libre, venez nombreux.', undefined],
  ])('%s → %s', (text, capacity) => {
    expect(extractCapacity(text)).toBe(capacity);
  });
});

describe('extractRegistrationUrl', () => {
  it.each([
    [
      'Eventbrite link',
      'inscrire sur Eventbrite : [http://clermontech-apihour-01.eventbrite.fr](http://clermontech-apihour-01.eventbrite.fr)',
      'http://clermontech-apihour-01.eventbrite.fr/',
    ],
    [
      'only the Eventbrite widget',
      '<iframe src="//eventbrite.fr/tickets-external?eid=58025711465&ref=etckt"></iframe>',
      'https://www.eventbrite.fr/e/58025711465',
    ],
    [
      'Mobilizon',
      'Inscription sur [Mobilizon](https://mobilizon.fr/events/3f0c7a1e-2b5d-4c7e-9a51-7d2f1b0e6c11).',
      'https://mobilizon.fr/events/3f0c7a1e-2b5d-4c7e-9a51-7d2f1b0e6c11',
    ],
    [
      'Meetup',
      'RSVP : https://www.meetup.com/clermontech/events/123456789/',
      'https://www.meetup.com/clermontech/events/123456789/',
    ],
    [
      'HelloAsso',
      '[Billetterie](https://www.helloasso.com/associations/clermontech/evenements/devcamp-2)',
      'https://www.helloasso.com/associations/clermontech/evenements/devcamp-2',
    ],
  ])('%s', (_label, text, url) => {
    expect(extractRegistrationUrl(`## Inscription\n\n${text}\n`)).toBe(url);
  });

  it('prefers the registration section’s link', () => {
    const markdown = `Retour sur [la dernière fois](https://www.meetup.com/x/events/1/).\n\n## Inscription\n\n[Mobilizon](https://mobilizon.chapril.org/events/0f0c7a1e-2b5d-4c7e-9a51-7d2f1b0e6c11)\n`;
    expect(extractRegistrationUrl(markdown)).toMatch(/mobilizon\.chapril\.org/);
  });

  it('finds nothing in a text without one', () => {
    expect(extractRegistrationUrl('Cet événement est terminé. [Slides](https://speakerdeck.com/x)')).toBeUndefined();
  });
});

describe('extractPhotosUrl', () => {
  it('builds the Flickr album from front matter', () => {
    expect(extractPhotosUrl('', '96523012@N07', '72157633945134494')).toBe(
      'https://www.flickr.com/photos/96523012@N07/sets/72157633945134494',
    );
  });
});
