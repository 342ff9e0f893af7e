import fc from 'fast-check';
import { kronorInput, kronorWithDecimals, parseKronor } from './money-input.rules';

describe('kronor as typed', () => {
  it('reads whole kronor, a decimal comma or point, grouped thousands and a trailing "kr"', () => {
    expect(parseKronor('450')).toBe(45_000);
    expect(parseKronor('450,5')).toBe(45_050);
    expect(parseKronor('450.50')).toBe(45_050);
    expect(parseKronor('1 234,05 kr')).toBe(123_405);
    expect(parseKronor('SEK 12')).toBe(1_200);
  });

  it('refuses negative amounts, three decimals and words', () => {
    for (const text of ['-5', '1,005', 'fem', '', '1e3', '12,']) expect(parseKronor(text)).toBeNull();
  });

  it('writes two decimals with a comma for the payment list', () => {
    expect(kronorWithDecimals(60_000)).toBe('600,00');
    expect(kronorWithDecimals(80_087)).toBe('800,87');
    expect(kronorWithDecimals(5)).toBe('0,05');
  });

  it('reads back what it writes into a form', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 99_999_999_999 }), (ore) => expect(parseKronor(kronorInput(ore))).toBe(ore)));
  });
});
