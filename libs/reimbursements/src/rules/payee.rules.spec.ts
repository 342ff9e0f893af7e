import fc from 'fast-check';
import { formatBankgiro, luhnValid, parsePayee } from './payee.rules';

/** Appends the Luhn check digit. */
const withCheckDigit = (body: string) => {
  for (let d = 0; d <= 9; d++) if (luhnValid(body + d)) return body + d;
  throw new Error('unreachable');
};

describe('payee details', () => {
  it('reads a bank account, stripping the spaces and dashes people type', () => {
    expect(parsePayee({ clearingNumber: '8327-9', accountNumber: '12 345 678-9' }, 'Amina Hassan', 'sv')).toEqual({
      ok: true, name: 'Amina Hassan', details: { method: 'bank_account', clearingNumber: '83279', accountNumber: '123456789' },
    });
  });

  it('reads a Bankgiro number with a valid check digit and refuses a wrong one', () => {
    const bankgiro = withCheckDigit('505105');
    const result = parsePayee({ name: 'Föreningen Gemenskap', bankgiro: formatBankgiro(bankgiro) }, 'Amina', 'en');
    expect(result).toEqual({ ok: true, name: 'Föreningen Gemenskap', details: { method: 'bankgiro', bankgiro } });
    const wrong = bankgiro.slice(0, -1) + ((Number(bankgiro.slice(-1)) + 1) % 10);
    expect(parsePayee({ bankgiro: wrong }, 'Amina', 'en')).toEqual({ ok: false, problems: [{ field: 'payee.bankgiro', message: expect.stringContaining('check digit') }] });
  });

  it('wants exactly one of a bank account and a Bankgiro number', () => {
    expect(parsePayee({}, 'Amina', 'sv')).toMatchObject({ ok: false, problems: [{ field: 'payee.method' }] });
    expect(parsePayee({ clearingNumber: '8327', accountNumber: '1234567', bankgiro: '1234566' }, 'Amina', 'sv')).toMatchObject({ ok: false, problems: [{ field: 'payee.method' }] });
    expect(parsePayee({ clearingNumber: '83', accountNumber: 'abc' }, 'Amina', 'en')).toMatchObject({
      ok: false, problems: [{ field: 'payee.clearingNumber' }, { field: 'payee.accountNumber' }],
    });
  });

  it('never repeats the numbers it was given in a problem', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9 -]{0,20}$/), fc.stringMatching(/^[0-9 -]{0,20}$/), fc.stringMatching(/^[0-9 -]{0,20}$/), (clearingNumber, accountNumber, bankgiro) => {
        const result = parsePayee({ clearingNumber, accountNumber, bankgiro }, 'Amina', 'en');
        if (result.ok) return;
        for (const p of result.problems) for (const given of [clearingNumber, accountNumber, bankgiro].map((v) => v.replace(/\D/g, '')).filter((v) => v.length >= 3)) expect(p.message).not.toContain(given);
      }),
    );
  });

  it('accepts every number whose Luhn digit is right and refuses every other last digit', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9]\d{5,6}$/), fc.integer({ min: 1, max: 9 }), (body, shift) => {
        const good = withCheckDigit(body);
        const bad = good.slice(0, -1) + ((Number(good.slice(-1)) + shift) % 10);
        expect(luhnValid(good)).toBe(true);
        expect(luhnValid(bad)).toBe(false);
      }),
    );
  });
});
