import { describe, expect, it } from 'vitest';
import { checkRegistration, describeAvailability } from '../../../config/src/contract/registration.ts';

const valid = { event: 'abcdefghijklmnopqrstuvwx', name: 'Alex', email: 'alex@example.org' };

describe('checkRegistration', () => {
  it('takes a plain form post and a JSON body alike', () => {
    expect(checkRegistration({ ...valid, firstTime: 'on', accessibilityNeeds: '  Fauteuil  ', site_web: '' })).toEqual({
      ok: true,
      registration: { ...valid, firstTime: true, accessibilityNeeds: 'Fauteuil' },
    });
    expect(checkRegistration({ ...valid, firstTime: false })).toEqual({
      ok: true,
      registration: { ...valid, firstTime: false },
    });
  });

  it.each([
    ['a filled honeypot', { site_web: 'https://spam.example' }, 'site_web', 'Ce champ devait rester vide.'],
    [
      'a field the form has not',
      { registrationStatus: 'confirmed' },
      'registrationStatus',
      'Le champ « registrationStatus » n’existe pas dans ce formulaire.',
    ],
    ['no name', { name: '  ' }, 'name', '« Votre nom » est obligatoire.'],
    ['a name on two lines', { name: 'Alex\nBis' }, 'name', '« Votre nom » tient sur une ligne.'],
    ['an address without a domain', { email: 'alex@localhost' }, 'email', 'Cette adresse e-mail ne semble pas valide.'],
    [
      'a control character',
      { accessibilityNeeds: 'a\u0007b' },
      'accessibilityNeeds',
      '« Besoins d’accessibilité (facultatif) » contient des caractères invalides.',
    ],
    [
      'needs too long',
      { accessibilityNeeds: 'x'.repeat(501) },
      'accessibilityNeeds',
      '« Besoins d’accessibilité (facultatif) » est trop long (au plus 500 caractères).',
    ],
    ['no event', { event: undefined }, 'event', 'Le formulaire ne dit pas pour quel événement.'],
    [
      'a checkbox saying something else',
      { firstTime: 'peut-être' },
      'firstTime',
      'La case « première fois » est cochée ou non, rien d’autre.',
    ],
  ])('refuses %s, naming the field', (_case, changes, field, message) => {
    expect(checkRegistration({ ...valid, ...changes })).toEqual({ ok: false, field, message });
  });

  it('refuses what is not an object', () => {
    expect(checkRegistration('name=Alex')).toEqual({
      ok: false,
      field: 'form',
      message: 'Le formulaire est vide ou illisible.',
    });
  });
});

describe('describeAvailability', () => {
  const base = { capacity: 50, confirmed: 38, placesLeft: 12, waiting: 0, open: true, waitingList: true };
  it.each([
    [base, '12 places restantes'],
    [{ ...base, placesLeft: 1 }, '1 place restante'],
    [{ ...base, placesLeft: 0, waiting: 3 }, 'Complet — liste d’attente'],
    [{ ...base, placesLeft: 0, waitingList: false }, 'Complet'],
    [{ ...base, capacity: null, placesLeft: null }, 'Inscriptions ouvertes'],
    [{ ...base, open: false }, 'Inscriptions fermées'],
  ])('%o → %s', (availability, label) => {
    expect(describeAvailability(availability)).toBe(label);
  });
});
