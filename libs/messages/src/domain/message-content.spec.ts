import { contentProblems, languageFor, MAX_BODY_LENGTH } from './message-content';

describe('message content', () => {
  it('accepts a message in one language or both', () => {
    expect(contentProblems({ subject: { sv: 'Ny ingång' }, body: { sv: 'Hej {name}!' } })).toEqual([]);
    expect(contentProblems({ subject: { sv: 'Ny ingång', en: 'New entrance' }, body: { sv: 'Hej', en: 'Hello' } })).toEqual([]);
  });

  it('refuses an empty message, a half-written language, and a subject with a line break', () => {
    expect(contentProblems({ subject: {}, body: {} })[0].message).toMatch(/must not be empty/);
    expect(contentProblems({ subject: { sv: '  ' }, body: { sv: '' } })[0].message).toMatch(/must not be empty/);
    expect(contentProblems({ subject: { en: 'Hello' }, body: {} }).map((p) => p.field)).toEqual(['body.en']);
    expect(contentProblems({ subject: { sv: 'A\r\nBcc: x@example.org' }, body: { sv: 'x' } }).map((p) => p.field)).toEqual(['subject.sv']);
  });

  it('names an unknown placeholder and the known ones', () => {
    const [problem] = contentProblems({ subject: { sv: 'Hej' }, body: { sv: 'Hej {namn} på {plats}' } });
    expect(problem.field).toBe('body.sv');
    expect(problem.message).toContain('{namn}, {plats}');
    expect(problem.message).toContain('{name}');
  });

  it('refuses a body over 50,000 characters', () => {
    expect(contentProblems({ subject: { sv: 'x' }, body: { sv: 'a'.repeat(MAX_BODY_LENGTH) } })).toEqual([]);
    const [problem] = contentProblems({ subject: { sv: 'x' }, body: { sv: 'a'.repeat(MAX_BODY_LENGTH + 1) } });
    expect(problem.message).toMatch(/at most 50,000 characters/);
  });

  it("gives each recipient their language, or the other one", () => {
    const both = { subject: { sv: 'a', en: 'b' }, body: { sv: 'a', en: 'b' } };
    expect(languageFor('en', both)).toBe('en');
    expect(languageFor('sv', { subject: { en: 'b' }, body: { en: 'b' } })).toBe('en');
    expect(languageFor('en', { subject: { sv: 'a' }, body: { sv: 'a' } })).toBe('sv');
  });
});
