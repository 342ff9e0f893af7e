import fc from 'fast-check';
import { DENIED_KEY_PARTS, DENIED_KEYS, isDeniedKey, REDACTED, redact, redactAndCap } from './redact';

/** Put under every secret key by the generators below; it must never reach the log. */
const MARKER = 'Ж§SECRET§Ж';

/** A deny-listed word as code and forms spell it: any case, separators inside, words before and after. */
const deniedKey: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...DENIED_KEY_PARTS),
    fc.stringMatching(/^[a-z_]{0,6}$/),
    fc.stringMatching(/^[A-Za-z0-9]{0,6}$/),
    fc.array(fc.constantFrom('_', '-', ' ', '.'), { maxLength: 3 }),
    fc.constantFrom('lower', 'upper', 'camel'),
  )
  .map(([part, before, after, separators, style]) => {
    const letters = [...part];
    separators.forEach((separator, i) => letters.splice(1 + ((i * 3) % (letters.length - 1)), 0, separator));
    const word = letters.join('');
    const cased = style === 'upper' ? word.toUpperCase() : style === 'camel' ? word[0].toUpperCase() + word.slice(1) : word;
    return `${before}${cased}${after}`;
  })
  .chain((key) => fc.oneof(fc.constant(key), fc.constantFrom(...DENIED_KEYS).map((k) => k.toUpperCase())));

const plainText = fc.string({ maxLength: 30 }).filter((s) => !s.includes(MARKER));
const leaf = fc.oneof(plainText, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));

const { tree } = fc.letrec<{ tree: unknown; secret: unknown; object: Record<string, unknown> }>((tie) => ({
  tree: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('tree'), { maxLength: 4 }), tie('object')),
  // A secret can be any shape: a string, a number, an object or list holding the marker somewhere.
  secret: fc.oneof(
    fc.string({ maxLength: 10 }).map((s) => `${s}${MARKER}`),
    fc.tuple(plainText, tie('tree')).map(([k, rest]) => ({ [k]: MARKER, rest })),
    fc.array(fc.constant(MARKER), { minLength: 1, maxLength: 2 }),
  ),
  object: fc
    .array(fc.oneof(fc.tuple(plainText, tie('tree')), fc.tuple(deniedKey, tie('secret'))), { maxLength: 5 })
    .map((entries) => Object.fromEntries(entries)),
}));

/** Every (key, value) pair at any depth, inside arrays too. */
function pairs(value: unknown): Array<[string, unknown]> {
  if (Array.isArray(value)) return value.flatMap(pairs);
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => [[k, v] as [string, unknown], ...pairs(v)]);
  return [];
}

describe('redact', () => {
  it('never lets a deny-listed value through, at any depth, whatever the spelling of its key', () => {
    fc.assert(
      fc.property(tree, (body) => {
        const logged = redactAndCap(body);
        expect(JSON.stringify(logged) ?? '').not.toContain(MARKER);
        for (const [key, value] of pairs(logged)) if (isDeniedKey(key)) expect(value).toBe(REDACTED);
      }),
      { numRuns: 500 },
    );
  });

  it('recognises the deny-listed words however they are written', () => {
    fc.assert(fc.property(deniedKey, (key) => expect(isDeniedKey(key)).toBe(true)));
    for (const key of ['password', 'newPassword', '_csrf', 'csrfToken', 'manageToken', 'iban', 'bankAccount', 'clearing_number', 'payee',
      'bankgiro', 'accountNumber', 'diet', 'dietConsent', 'politicalParty', 'code', 'Authorization']) {
      expect(isDeniedKey(key)).toBe(true);
    }
    for (const key of ['name', 'email', 'organisation', 'reason', 'capacity', 'title', 'postalCode', 'public', 'decision', 'approvedAmount']) {
      expect(isDeniedKey(key)).toBe(false);
    }
  });

  it('keeps everything else as it was sent, and the form token not at all', () => {
    const body = { reason: 'Sjuk', amount: 40000, nested: { tables: [{ name: 'Bord 1', seats: 8 }] }, password: 'hunter2hunter2', _csrf: 'abc' };
    expect(redact(body)).toEqual({ reason: 'Sjuk', amount: 40000, nested: { tables: [{ name: 'Bord 1', seats: 8 }] }, password: REDACTED });
    fc.assert(
      fc.property(fc.dictionary(fc.stringMatching(/^(name|title|reason|room|seats)[0-9]?$/), fc.oneof(fc.string({ maxLength: 50 }), fc.integer(), fc.boolean())), (safe) => {
        expect(redact(safe)).toEqual(safe);
      }),
    );
  });

  it('keeps a key named __proto__ as data, never as a prototype', () => {
    const body = JSON.parse('{"__proto__": {"polluted": true}, "token": "x"}');
    const logged = redact(body) as Record<string, unknown>;
    expect(Object.getPrototypeOf(logged)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.stringify(logged)).toBe('{"__proto__":{"polluted":true},"token":"[redacted]"}');
  });

  it('describes what is not JSON data, drops NUL characters and shortens long strings and lists', () => {
    expect(redact(Buffer.from('abc'))).toBe('[3 bytes]');
    expect(redact({ at: new Date(0) })).toEqual({ at: '[object]' });
    // Form bodies come as dictionaries without Object.prototype.
    const Dictionary = function () {} as unknown as { new (): Record<string, unknown>; prototype: object };
    Dictionary.prototype = Object.create(null);
    const form = Object.assign(new Dictionary(), { reason: 'Sjuk', _csrf: 'x' });
    expect(redact(form)).toEqual({ reason: 'Sjuk' });
    expect(redact(Object.assign(Object.create(null), { token: 't' }))).toEqual({ token: REDACTED });
    expect(redact('a\u0000b')).toBe('ab');
    expect((redact('x'.repeat(5000)) as string).length).toBe(1001);
    expect((redact(Array.from({ length: 250 }, (_, i) => i)) as unknown[]).at(-1)).toBe('[50 more]');
  });

  it('mends text that jsonb would refuse: NUL characters and halves of surrogate pairs, also where a long string is cut', () => {
    const codeUnits = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 1200 }).map((units) => String.fromCharCode(...units));
    const wellFormed = (text: string) => !text.includes('\u0000') && !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
    fc.assert(
      fc.property(codeUnits, codeUnits, (key, text) => {
        const logged = redact({ [key]: text, list: [text] }) as Record<string, unknown>;
        for (const [k, v] of pairs(logged)) {
          expect(wellFormed(k)).toBe(true);
          if (typeof v === 'string') expect(wellFormed(v)).toBe(true);
        }
      }),
    );
    expect(redact(`${'x'.repeat(999)}😀`)).toBe(`${'x'.repeat(999)}\uFFFD…`);
  });

  it('caps what it keeps of one request, counting bytes as PostgreSQL stores them', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 900 }), fc.constant('"\\\n'.repeat(300))), { maxLength: 40 }), fc.integer({ min: 200, max: 9000 }), (items, max) => {
        const logged = redactAndCap({ items }, max);
        expect(Buffer.byteLength(JSON.stringify(logged))).toBeLessThanOrEqual(max);
        if (Buffer.byteLength(JSON.stringify(redact({ items }))) > max) expect(logged).toMatchObject({ truncated: true });
        else expect(logged).toEqual(redact({ items }));
      }),
      { numRuns: 200 },
    );
  });
});
