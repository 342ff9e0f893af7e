import { DomainError, ErrorCategory, httpStatusFor, ValidationFailed } from './domain-error';

describe('httpStatusFor', () => {
  it('maps each category to one status; a page shows invalid input again with 422, the API answers 400', () => {
    const categories: ErrorCategory[] = ['invalid', 'unauthenticated', 'forbidden', 'not_found', 'conflict', 'payload_too_large', 'too_many_requests', 'unavailable'];
    expect(categories.map((c) => httpStatusFor(c))).toEqual([400, 401, 403, 404, 409, 413, 429, 503]);
    expect(categories.map((c) => httpStatusFor(c, 'page'))).toEqual([422, 401, 403, 404, 409, 413, 429, 503]);
  });
});

describe('domain errors in the reader’s language', () => {
  it('give their sentence in the language asked for, or the English message when the lib gave none', () => {
    const localised = new DomainError('slug_taken', 'conflict', 'The slug is taken.', 'slug', { sv: 'Adressen är upptagen.', en: 'The address is taken.' });
    expect(localised.textIn('sv')).toBe('Adressen är upptagen.');
    expect(localised.message).toBe('The slug is taken.');
    expect(new DomainError('x', 'conflict', 'Only English.').textIn('sv')).toBe('Only English.');
  });

  it('put each field’s first problem next to it', () => {
    const failed = new ValidationFailed([
      { field: 'endsAt', message: 'endsAt must be after startsAt.', texts: { sv: 'Slutet måste komma efter början.', en: 'The end must come after the start.' } },
      { field: 'endsAt', message: 'second' },
      { field: 'title', message: 'title must not be empty' },
    ]);
    expect(failed.fieldTexts('sv')).toEqual({ endsAt: 'Slutet måste komma efter början.', title: 'title must not be empty' });
    expect(failed.message).toBe('endsAt must be after startsAt. second title must not be empty');
  });
});
