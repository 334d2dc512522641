import { describe, expect, it } from 'vitest';
import { checkProposal, PROPOSAL_FIELD_NAMES, PROPOSAL_TEXT_FIELDS } from '../../../config/src/contract/proposal.ts';

const valid = {
  title: 'Un talk',
  abstract: 'Un résumé qui dépasse largement les cinquante caractères demandés au minimum.',
  format: 'long',
  speakerName: 'Alex',
  email: 'alex@example.org',
};

describe('checkProposal', () => {
  it('keeps the form’s fields, trimmed, with links as a list and the checkbox as a boolean', () => {
    expect(
      checkProposal({
        ...valid,
        title: '  Un talk  ',
        links: ' https://a.example \r\n\r\nhttp://b.example/x ',
        wantsMentor: 'on',
        site_web: '',
      }),
    ).toEqual({
      ok: true,
      proposal: { ...valid, links: ['https://a.example', 'http://b.example/x'], wantsMentor: true },
    });
    expect(checkProposal(valid)).toMatchObject({ ok: true, proposal: { wantsMentor: false, links: [] } });
    expect(checkProposal({ ...valid, wantsMentor: true })).toMatchObject({ ok: true, proposal: { wantsMentor: true } });
  });

  it.each([
    ['not an object', 'title=x', 'form'],
    ['an array', [valid], 'form'],
    ['null', null, 'form'],
    ['an unknown field first', { ...valid, reviewStatus: 'acceptee' }, 'reviewStatus'],
    ['a filled honeypot', { ...valid, site_web: 'x' }, 'site_web'],
    ['a missing e-mail', { ...valid, email: undefined }, 'email'],
    ['a control character', { ...valid, speakerName: 'Al\u0007ex' }, 'speakerName'],
    ['a number as a title', { ...valid, title: 42 }, 'title'],
    ['an e-mail without a domain dot', { ...valid, email: 'alex@example' }, 'email'],
    ['an e-mail with spaces', { ...valid, email: 'alex @example.org' }, 'email'],
    [
      'eleven links',
      { ...valid, links: Array.from({ length: 11 }, (_, n) => `https://e.example/${n}`).join('\n') },
      'links',
    ],
    ['a data: link', { ...valid, links: 'data:text/html,<script>' }, 'links'],
    ['an unknown format', { ...valid, format: 'toString' }, 'format'],
    ['a strange checkbox value', { ...valid, wantsMentor: 'peut-être' }, 'wantsMentor'],
  ])('refuses %s, naming the field', (_case, body, field) => {
    const result = checkProposal(body);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.field).toBe(field);
      expect(result.message).not.toContain('\n');
    }
  });

  it('holds every text field to its limits, at the exact boundary', () => {
    for (const [name, spec] of Object.entries(PROPOSAL_TEXT_FIELDS)) {
      const filler =
        name === 'email'
          ? (n: number) => `${'a'.repeat(n - 12)}@example.org`
          : name === 'links'
            ? (n: number) => `https://e.example/${'a'.repeat(n - 18)}`
            : (n: number) => 'a'.repeat(n);
      expect(checkProposal({ ...valid, [name]: filler(spec.max) }).ok, `${name} at ${spec.max}`).toBe(true);
      expect(checkProposal({ ...valid, [name]: filler(spec.max + 1) }), `${name} at ${spec.max + 1}`).toMatchObject({
        ok: false,
        field: name,
      });
      if (spec.min > 1 && name !== 'email')
        expect(checkProposal({ ...valid, [name]: filler(spec.min - 1) })).toMatchObject({ ok: false, field: name });
    }
    expect(PROPOSAL_FIELD_NAMES).toEqual([
      'title',
      'abstract',
      'speakerName',
      'email',
      'links',
      'bio',
      'format',
      'wantsMentor',
      'site_web',
    ]);
  });
});
