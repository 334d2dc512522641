import { describe, expect, it } from 'vitest';
import { findEventWhen, findTimes, parisToUtc, parseIsoDate, resolveYear } from '../../src/dates.ts';
import { plainText } from '../../src/text.ts';

const when = (markdown: string, fileDate = '2020-01-01') => findEventWhen(plainText(markdown), parseIsoDate(fileDate));

describe('findEventWhen', () => {
  it.each([
    [
      'Cet événement aura lieu **le 3 avril 2013** à **19h**, en centre ville.',
      '2013-03-25',
      { year: 2013, month: 4, day: 3 },
      { hour: 19, minute: 0 },
    ],
    [
      'Cet événement aura lieu le Mardi **16 Décembre 2014** à **19h** dans les locaux',
      '2014-12-08',
      { year: 2014, month: 12, day: 16 },
      { hour: 19, minute: 0 },
    ],
    [
      'Cet événement aura lieu le **mardi 1er mars 2016** à **19h** au **Bivouac**',
      '2016-02-24',
      { year: 2016, month: 3, day: 1 },
      { hour: 19, minute: 0 },
    ],
    [
      'L’apéro aura lieu le **14 mars 2019** à partir de **18H00** au **Délirium café**',
      '2019-03-14',
      { year: 2019, month: 3, day: 14 },
      { hour: 18, minute: 0 },
    ],
    [
      'Rendez-vous mardi 3 mars 2020 à 18h30 à la Fabrique.',
      '2020-02-10',
      { year: 2020, month: 3, day: 3 },
      { hour: 18, minute: 30 },
    ],
    [
      'Cet événement aura lieu le **jeudi 7 juillet 2016** à **19h00**.',
      '2016-06-26',
      { year: 2016, month: 7, day: 7 },
      { hour: 19, minute: 0 },
    ],
    [
      'L’API Hour aura lieu le **jeudi 25 juin 2020** à **19 h 30** en ligne sur Twitch.',
      '2020-06-10',
      { year: 2020, month: 6, day: 25 },
      { hour: 19, minute: 30 },
    ],
    [
      'Cet événement aura lieu le 12/10/2021 à 19:00 au Bivouac.',
      '2021-09-30',
      { year: 2021, month: 10, day: 12 },
      { hour: 19, minute: 0 },
    ],
    [
      'Le **sam. 5 oct. 2024** aura lieu… Rendez-vous le 5 oct. 2024 à 9h30.',
      '2024-09-01',
      { year: 2024, month: 10, day: 5 },
      { hour: 9, minute: 30 },
    ],
  ])('reads %j', (markdown, fileDate, date, start) => {
    const found = when(markdown, fileDate);
    expect(found?.date).toEqual(date);
    expect(found?.start).toEqual(start);
  });

  it('takes the year from the file name when the prose omits it', () => {
    const found = when('Cet événement aura lieu le **lundi 29 juin** à **19h**.', '2020-06-10');
    expect(found?.date).toEqual({ year: 2020, month: 6, day: 29 });
    expect(found?.notes.join()).toMatch(/file name/);
  });

  it('moves to the next year for an event announced in the autumn for January', () => {
    expect(when('Il aura lieu le **mardi 14 janvier** à **19h**.', '2019-11-28')?.date).toEqual({
      year: 2020,
      month: 1,
      day: 14,
    });
  });

  it('corrects a year that contradicts the weekday, using the file year', () => {
    // "mercredi 1er février 2016" in a post of January 2017: 1 February 2017 was a Wednesday.
    const found = when('Cet événement aura lieu le **mecredi 1er février 2016** à **19h**', '2017-01-27');
    expect(found?.date).toEqual({ year: 2017, month: 2, day: 1 });
    expect(found?.notes.join()).toMatch(/2016-02-01/);
  });

  it('keeps the written year when the weekday matches it', () => {
    expect(when('aura lieu le mercredi 1er février 2017 à 19h', '2017-01-27')?.date.year).toBe(2017);
  });

  it('skips registration openings and prefers the date introduced as the event’s', () => {
    const markdown = `Ouverture des inscriptions le 27 mars 2013 à partir de 18h.

Cet événement aura lieu **le 3 avril 2013** à **19h**.`;
    expect(when(markdown, '2013-03-25')?.date).toEqual({ year: 2013, month: 4, day: 3 });
  });

  it('reads a double weekday typo ("le Mercredi jeudi 16 avril 2015")', () => {
    expect(
      when('Cet événement aura lieu le Mercredi **jeudi 16 avril 2015** à **19h**, au', '2015-03-31')?.date,
    ).toEqual({ year: 2015, month: 4, day: 16 });
  });

  it('reads an end time', () => {
    expect(when('Rendez-vous le **vendredi 6 mars 2020** de **19h** à **21h30**.')?.end).toEqual({
      hour: 21,
      minute: 30,
    });
  });

  it('finds no start time when none is written', () => {
    const found = when('Cet événement aura lieu le 3 avril 2013. Venez nombreux à 20 rue Gonod.');
    expect(found?.date).toEqual({ year: 2013, month: 4, day: 3 });
    expect(found?.start).toBeUndefined();
  });

  it('returns nothing without a date', () => {
    expect(when('Venez nombreux !')).toBeUndefined();
  });
});

describe('findTimes', () => {
  it.each([
    ['à 19h', { hour: 19, minute: 0 }],
    ['à 19h00', { hour: 19, minute: 0 }],
    ['à 18H30', { hour: 18, minute: 30 }],
    ['à 19 h 15', { hour: 19, minute: 15 }],
    ['à 19:45', { hour: 19, minute: 45 }],
  ])('%s', (value, start) => {
    expect(findTimes(value.toLowerCase()).start).toEqual(start);
  });
});

describe('resolveYear', () => {
  it('refuses an impossible date', () => {
    expect(resolveYear({ index: 0, length: 0, day: 31, month: 2, year: 2020 }, undefined)).toBeUndefined();
  });
});

describe('parisToUtc', () => {
  it.each([
    // Winter (UTC+1) and summer (UTC+2).
    [{ year: 2013, month: 12, day: 17 }, { hour: 19, minute: 0 }, '2013-12-17T18:00:00.000Z'],
    [{ year: 2013, month: 4, day: 3 }, { hour: 19, minute: 0 }, '2013-04-03T17:00:00.000Z'],
    // The days of the switches: summer time starts on 29 March 2020 at 02:00, ends on 25 October 2020 at 03:00.
    [{ year: 2020, month: 3, day: 28 }, { hour: 19, minute: 0 }, '2020-03-28T18:00:00.000Z'],
    [{ year: 2020, month: 3, day: 29 }, { hour: 19, minute: 0 }, '2020-03-29T17:00:00.000Z'],
    [{ year: 2020, month: 10, day: 24 }, { hour: 19, minute: 0 }, '2020-10-24T17:00:00.000Z'],
    [{ year: 2020, month: 10, day: 25 }, { hour: 19, minute: 0 }, '2020-10-25T18:00:00.000Z'],
    [{ year: 2020, month: 3, day: 29 }, { hour: 1, minute: 30 }, '2020-03-29T00:30:00.000Z'],
    [{ year: 2020, month: 3, day: 29 }, { hour: 3, minute: 30 }, '2020-03-29T01:30:00.000Z'],
  ])('%j %j → %s', (date, time, iso) => {
    expect(parisToUtc(date, time).toISOString()).toBe(iso);
  });
});
