import { describe, expect, it } from 'vitest';
import {
  admissionText,
  isOnlineOnly,
  isOpen,
  priceAmount,
  spansSeveralDays,
} from '../../../site/src/lib/event-facts.ts';
import { legacyEntryId } from '../../../site/src/lib/feed-entries.ts';

describe('event facts', () => {
  it.each([
    ['150 € les trois jours', 150],
    ['12,50 € la journée', 12.5],
    ['Tarif : 20 euros, 10 pour les étudiants', 20],
    ['30 EUR', 30],
    ['Prix libre', undefined],
    ['3 jours', undefined],
    [undefined, undefined],
  ])('reads the amount of %j as %j', (price, amount) => {
    expect(priceAmount(price)).toBe(amount);
  });

  it('says "Gratuite", the price, or "Payante" without one, and nothing when unknown', () => {
    expect(admissionText({ admission: 'gratuite', price: '10 €' })).toBe('Gratuite');
    expect(admissionText({ admission: 'payante', price: '10 €' })).toBe('10 €');
    expect(admissionText({ admission: 'payante', price: undefined })).toBe('Payante');
    expect(admissionText({ admission: undefined, price: '10 €' })).toBeUndefined();
  });

  it('counts days in Paris: 22:00–01:00 is one evening, 09:00 to the next day’s 17:00 two days', () => {
    const evening = { startsAt: new Date('2026-06-12T20:00:00Z'), endsAt: new Date('2026-06-12T21:30:00Z') };
    expect(spansSeveralDays(evening)).toBe(false);
    expect(
      spansSeveralDays({ startsAt: new Date('2026-06-12T07:00:00Z'), endsAt: new Date('2026-06-13T15:00:00Z') }),
    ).toBe(true);
    // 23:00 UTC on the 12th is 01:00 on the 13th in Paris: that start and a 22:00 end are one Paris day.
    expect(
      spansSeveralDays({ startsAt: new Date('2026-06-12T23:00:00Z'), endsAt: new Date('2026-06-13T20:00:00Z') }),
    ).toBe(false);
    expect(spansSeveralDays({ startsAt: new Date('2026-06-12T07:00:00Z'), endsAt: undefined })).toBe(false);
  });

  it('is online only when moved online, or streamed without a venue', () => {
    expect(isOnlineOnly({ eventStatus: 'en_ligne', onlineUrl: undefined }, true)).toBe(true);
    expect(isOnlineOnly({ eventStatus: 'prevu', onlineUrl: 'https://visio.example' }, false)).toBe(true);
    expect(isOnlineOnly({ eventStatus: 'prevu', onlineUrl: 'https://visio.example' }, true)).toBe(false);
    expect(isOnlineOnly({ eventStatus: 'prevu', onlineUrl: undefined }, false)).toBe(false);
  });

  it('is open to registration only while upcoming and neither cancelled nor postponed', () => {
    expect(isOpen({ eventStatus: 'prevu' }, false)).toBe(true);
    expect(isOpen({ eventStatus: 'en_ligne' }, false)).toBe(true);
    expect(isOpen({ eventStatus: 'annule' }, false)).toBe(false);
    expect(isOpen({ eventStatus: 'reporte' }, false)).toBe(false);
    expect(isOpen({ eventStatus: 'prevu' }, true)).toBe(false);
  });
});

describe('legacy feed ids', () => {
  it.each([
    ['/api-hours/api-hour-12.html', 'http://clermontech.org/api-hours/api-hour-12'],
    [
      '/talks/api-hour-1/1-julien-maupetit-hello-clermontech.html',
      'http://clermontech.org/talks/api-hour-1/1-julien-maupetit-hello-clermontech',
    ],
    ['/blog-posts/retour-workshop-git-1.html', 'http://clermontech.org/blog-posts/retour-workshop-git-1'],
    ['/un-article/', 'http://clermontech.org/un-article'],
  ])('%s → %s', (path, id) => {
    expect(legacyEntryId(path)).toBe(id);
  });
});
