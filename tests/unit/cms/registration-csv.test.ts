import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../cms/src/registrations/csv.ts';

describe('the registrations CSV export', () => {
  it('quotes every cell, doubles quotes, keeps line breaks inside cells, and starts with a BOM', () => {
    expect(toCsv(['Nom', 'Besoins'], [['Alex "Al"', 'Fauteuil,\nrampe']])).toBe(
      '\uFEFF"Nom","Besoins"\r\n"Alex ""Al""","Fauteuil,\nrampe"\r\n',
    );
  });

  it.each(['=HYPERLINK("https://evil.example")', '+33 6 00', '-2+3', '@SUM(A1)'])(
    'keeps %s from running as a formula',
    (typed) => {
      expect(toCsv(['Nom'], [[typed]])).toBe(`\uFEFF"Nom"\r\n"'${typed.replace(/"/g, '""')}"\r\n`);
    },
  );
});
