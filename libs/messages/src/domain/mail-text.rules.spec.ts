import fc from 'fast-check';
import { renderMailBody, withAdaptation } from '@dialogdag/mail';
import { carriesPersonalLink, isMailTextKind, MAIL_TEXT_KINDS } from './mail-text-kinds';
import { adaptationOf, isDefaultText, MAX_MAIL_TEXT_LENGTH, mailTextProblems, nameFromGreeting, paragraphsOf, placeholdersIn } from './mail-text.rules';
import { PLACEHOLDERS, PlaceholderValues } from './placeholders';

const values: PlaceholderValues = {
  name: 'Amina Hassan',
  personalLink: 'https://dialogdag.example/r/abc',
  workshop: 'Hälsa, Sal B (2)',
  table: 'Bord 4',
  conference: 'Dialogkonferens Skåne',
  date: 'söndag 20 oktober 2030 09:00–16:00',
  venue: 'Folkets Hus, Malmö',
};
const anyValues = fc.record(Object.fromEntries(PLACEHOLDERS.map((p) => [p, fc.string()])) as Record<keyof PlaceholderValues, fc.Arbitrary<string>>);
// Text as organisers write it: words, line breaks, blank lines, braces and the known placeholders.
const organiserText = fc
  .array(fc.oneof(fc.string().filter((s) => !/[{}]/.test(s)), fc.constantFrom('\n', '\n\n', '\r\n\r\n', ' ', '{{', '}}'), fc.constantFrom(...PLACEHOLDERS).map((p) => `{${p}}`)), { maxLength: 12 })
  .map((parts) => parts.join(''));

describe('adapted e-mail texts', () => {
  it('knows the automatic e-mails and which of them carry the personal link', () => {
    expect(isMailTextKind('registration_confirmed')).toBe(true);
    expect(isMailTextKind('message')).toBe(false);
    expect(carriesPersonalLink('registration_confirmed')).toBe(true);
    expect(carriesPersonalLink('registration_cancelled')).toBe(false);
    expect(MAIL_TEXT_KINDS).toContain('workshop_assignment');
  });

  it('splits paragraphs at blank lines and reads empty text as the default', () => {
    expect(paragraphsOf('  Första stycket\nsamma stycke\r\n\r\n \n\nAndra  \n\n')).toEqual(['Första stycket\nsamma stycke', 'Andra']);
    expect(isDefaultText({ intro: ' \n ', closing: '' })).toBe(true);
    expect(isDefaultText({ intro: '', closing: 'Välkommen!' })).toBe(false);
  });

  it('names each problem with its field, in both languages', () => {
    const problems = mailTextProblems('registration_cancelled', { intro: 'Hej {namn}!', closing: 'Se {personalLink}' }, (part) => `${part}.sv`);
    expect(problems.map((p) => p.field)).toEqual(['intro.sv', 'closing.sv']);
    expect(problems[0].message).toContain('{namn}');
    expect(problems[0].texts?.sv).toContain('okänd platshållare {namn}');
    expect(problems[1].message).toContain('{personalLink} cannot be used');
    expect(mailTextProblems('registration_confirmed', { intro: 'a'.repeat(MAX_MAIL_TEXT_LENGTH + 1), closing: '' })[0]).toMatchObject({ field: 'intro' });
    expect(mailTextProblems('registration_confirmed', { intro: 'a'.repeat(MAX_MAIL_TEXT_LENGTH), closing: 'Din sida: {personalLink}' })).toEqual([]);
  });

  it('accepts any text of known placeholders within the limit', () => {
    fc.assert(
      fc.property(organiserText, organiserText, (intro, closing) => {
        fc.pre(intro.trim().length <= MAX_MAIL_TEXT_LENGTH && closing.trim().length <= MAX_MAIL_TEXT_LENGTH);
        expect(mailTextProblems('registration_confirmed', { intro, closing })).toEqual([]);
      }),
    );
  });

  it('fills the placeholders of each paragraph', () => {
    const adapted = adaptationOf({ intro: 'Hej {name}!\n\nIngången till {venue} är från parken.', closing: 'Vi ses {date} i {workshop}.' }, values);
    expect(adapted).toEqual({
      intro: ['Hej Amina Hassan!', 'Ingången till Folkets Hus, Malmö är från parken.'],
      closing: ['Vi ses söndag 20 oktober 2030 09:00–16:00 i Hälsa, Sal B (2).'],
    });
    expect([...placeholdersIn({ intro: '{name} {table}', closing: '{{workshop}}' })].sort()).toEqual(['name', 'table']);
  });

  it('only ever adds whole paragraphs around the generated ones: fee, deadlines, facts and link stay as generated', () => {
    const generated = {
      greeting: 'Hej Amina!',
      paragraphs: ['Tack för din anmälan.', 'Avbokning ska göras senast 6 oktober, annars debiteras en avgift på 400 kr.'],
      facts: [['När', 'söndag 20 oktober 2030']] as Array<[string, string]>,
      link: { label: 'Din personliga länk', url: 'https://dialogdag.example/r/abc' },
      signature: '/Arrangörerna',
    };
    fc.assert(
      fc.property(organiserText, organiserText, anyValues, (intro, closing, someValues) => {
        const adaptation = adaptationOf({ intro, closing }, someValues);
        // A value never adds or removes a paragraph: the organiser's blank lines alone decide them.
        expect(adaptation.intro).toHaveLength(paragraphsOf(intro).length);
        expect(adaptation.closing).toHaveLength(paragraphsOf(closing).length);
        const body = withAdaptation(generated, adaptation);
        expect(body.paragraphs).toEqual([...adaptation.intro, ...generated.paragraphs, ...adaptation.closing]);
        expect({ ...body, paragraphs: generated.paragraphs }).toEqual(generated);
        const { text } = renderMailBody(body, 'sv');
        expect(text).toContain(generated.paragraphs[1]);
        expect(text).toContain(generated.link.url);
      }),
    );
  });

  it('reads the name back from the greeting of every automatic e-mail', () => {
    expect(nameFromGreeting('Hej Amina Hassan!')).toBe('Amina Hassan');
    expect(nameFromGreeting('Dear John <Smith>,')).toBe('John <Smith>');
    expect(nameFromGreeting('Hello there')).toBeNull();
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (name) => {
        expect(nameFromGreeting(`Hej ${name}!`)).toBe(name);
        expect(nameFromGreeting(`Dear ${name},`)).toBe(name);
      }),
    );
  });
});
