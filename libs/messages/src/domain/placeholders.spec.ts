import fc from 'fast-check';
import { fillSubject, fillTemplate, parseTemplate, PLACEHOLDERS, PlaceholderValues, unknownPlaceholders, usedPlaceholders } from './placeholders';

const values: PlaceholderValues = {
  name: 'Amina Hassan',
  personalLink: 'https://dialogdag.example/r/abc',
  workshop: 'Hälsa',
  table: 'Bord 4',
  conference: 'Dialogkonferens Skåne',
  date: 'söndag 20 oktober 2030 09:00–16:00',
  venue: 'Folkets Hus, Malmö',
};

const anyValues = fc.record(Object.fromEntries(PLACEHOLDERS.map((p) => [p, fc.string()])) as Record<keyof PlaceholderValues, fc.Arbitrary<string>>);

describe('placeholders', () => {
  it('fills every known placeholder, also written with spaces', () => {
    expect(fillTemplate('Hej {name}! Vi ses på {venue} {date}. { workshop } / {table}: {personalLink} ({conference})', values)).toBe(
      'Hej Amina Hassan! Vi ses på Folkets Hus, Malmö söndag 20 oktober 2030 09:00–16:00. Hälsa / Bord 4: https://dialogdag.example/r/abc (Dialogkonferens Skåne)',
    );
  });

  it('names unknown placeholders once each, in order', () => {
    expect(unknownPlaceholders('Hej {namn}, {name}, {namn} och {plats}')).toEqual(['namn', 'plats']);
    expect(unknownPlaceholders('Inga klamrar här, {1, 2} och { } och {{namn}}')).toEqual([]);
  });

  it('reads {{ and }} as literal braces', () => {
    expect(fillTemplate('{{name}} är {name}', values)).toBe('{name} är Amina Hassan');
    expect(parseTemplate('a }} b')).toEqual([{ kind: 'text', value: 'a } b' }]);
  });

  it('tells which placeholders a text uses', () => {
    expect([...usedPlaceholders('Hej {name}, se {personalLink}')].sort()).toEqual(['name', 'personalLink']);
    expect(usedPlaceholders('{{personalLink}}').size).toBe(0);
  });

  it('keeps a subject on one line whatever the values hold', () => {
    expect(fillSubject('Till {name}', { ...values, name: 'Eve\r\nBcc: x@example.org' })).toBe('Till Eve Bcc: x@example.org');
    fc.assert(
      fc.property(fc.string(), anyValues, (template, v) => {
        expect(fillSubject(template.replace(/[\r\n]/g, ''), v)).not.toMatch(/[\r\n]/);
      }),
    );
  });

  it('leaves text without braces as it is', () => {
    fc.assert(fc.property(fc.string().filter((s) => !/[{}]/.test(s)), anyValues, (text, v) => fillTemplate(text, v) === text));
  });

  it('never reads a filled value as a placeholder', () => {
    fc.assert(
      fc.property(anyValues, fc.constantFrom(...PLACEHOLDERS), (v, p) => {
        const tricky = { ...v, name: `{${p}}` };
        expect(fillTemplate('{name}', tricky)).toBe(`{${p}}`);
      }),
    );
  });

  it('fills each placeholder with exactly its value', () => {
    fc.assert(
      fc.property(anyValues, fc.array(fc.constantFrom(...PLACEHOLDERS), { maxLength: 6 }), (v, names) => {
        const template = names.map((n) => `[{${n}}]`).join('');
        expect(fillTemplate(template, v)).toBe(names.map((n) => `[${v[n]}]`).join(''));
      }),
    );
  });
});
