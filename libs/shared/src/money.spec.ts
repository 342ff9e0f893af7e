import fc from 'fast-check';
import { formatMoney, kronorInput, parseKronor } from './money';

describe('parseKronor', () => {
  it('reads amounts as people type them, in whole öre', () => {
    expect(parseKronor('400')).toBe(40000);
    expect(parseKronor(' 12,50 ')).toBe(1250);
    expect(parseKronor('12.5')).toBe(1250);
    expect(parseKronor('2,05')).toBe(205);
    expect(parseKronor('0')).toBe(0);
    expect(parseKronor('1 200')).toBe(120000);
    expect(parseKronor('1\u00a0200,75')).toBe(120075);
    // 0.1 + 0.2 style float errors do not reach the öre.
    expect(parseKronor('19,99')).toBe(1999);
    expect(parseKronor('1,15')).toBe(115);
  });

  it('refuses what is not an amount in kronor', () => {
    for (const text of ['', ' ', 'abc', '-5', '+5', '1,234', '12,5,0', '1e3', '12 00', '400 kr', '0x10', 'NaN', 'Infinity', '1.2.3'])
      expect(parseKronor(text)).toBeNull();
  });

  it('reads back every amount a form shows, in both languages', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000_000_000 }), fc.constantFrom('sv' as const, 'en' as const), (ore, lang) => {
        expect(parseKronor(kronorInput(ore, lang))).toBe(ore);
      }),
    );
  });
});

describe('formatMoney', () => {
  it('shows kronor, and öre only when there are any', () => {
    expect(formatMoney(40000, 'sv')).toBe('400 kr');
    expect(formatMoney(40000, 'en')).toBe('SEK 400');
    expect(formatMoney(1250, 'sv')).toBe('12,50 kr');
    expect(formatMoney(1250, 'en')).toBe('SEK 12.50');
  });
});

describe('formatMoney with kept formatters', () => {
  it('writes what a formatter built afresh writes, whatever came before (languages and öre interleaved)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 100_000_000 }), fc.constantFrom('sv' as const, 'en' as const)), { minLength: 1, maxLength: 6 }), (calls) => {
        for (const [ore, lang] of calls) {
          const digits = ore % 100 === 0 ? 0 : 2;
          const number = new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(ore / 100);
          expect(formatMoney(ore, lang)).toBe(lang === 'sv' ? `${number} kr` : `SEK ${number}`);
        }
      }),
    );
  });
});
