import { DomainError, ValidationFailed } from '@dialogdag/shared';
import { AlreadyCheckedIn, FeeChanged, NotCheckable, REGISTRATION_ERROR_CODES, RegistrationError, alreadyRegistered, colleagueAlreadyRegistered, reasonMissing, reasonTooLong } from '../registration.errors';
import { catalogue, errorText } from '.';

describe('error texts', () => {
  it('says every error of the lib in both languages, by its own code', () => {
    // Texts with a value in them belong to errors of their own class, tested below.
    for (const code of REGISTRATION_ERROR_CODES.filter((c) => typeof catalogue('sv').errors[c] === 'string')) {
      const error = new RegistrationError(code, 'conflict', `English ${code}`);
      const [sv, en] = [errorText(error, 'sv'), errorText(error, 'en')];
      expect([code, sv.length > 0, en.length > 0, sv !== en]).toEqual([code, true, true, true]);
    }
  });

  it('tells apart what used to share a code or be told apart by the message', () => {
    expect(errorText(alreadyRegistered(), 'sv')).toBe('Den här e-postadressen är redan anmäld till konferensen.');
    expect(errorText(colleagueAlreadyRegistered(), 'sv')).toBe('Kollegans e-postadress är redan anmäld till konferensen.');
    expect(errorText(reasonMissing(), 'sv')).toBe('Skriv varför avgiften efterskänks.');
    expect(errorText(reasonTooLong(), 'sv')).toMatch(/500 tecken/);
    expect(errorText(new NotCheckable('cancelled'), 'sv')).toMatch(/avbokad/);
    expect(errorText(new NotCheckable('transferred'), 'en')).toMatch(/transferred/);
  });

  it('fills in the fee and the time in the reader’s language', () => {
    expect(errorText(new FeeChanged(40000, 0), 'sv')).toContain('400 kr');
    expect(errorText(new FeeChanged(40000, 0), 'en')).toContain('SEK 400');
    expect(errorText(new AlreadyCheckedIn(new Date('2030-10-20T09:12:00+02:00')), 'sv')).toBe('Redan incheckad kl. 09:12.');
  });

  it('speaks to organisers in their own words where they differ, and keeps other libs’ messages', () => {
    expect(errorText(alreadyRegistered(), 'sv', 'organiser')).toMatch(/Sök upp personen/);
    expect(errorText(new DomainError('something_else', 'conflict', 'As it was.'), 'sv')).toBe('As it was.');
    expect(errorText(new ValidationFailed([{ field: 'x', message: 'x is wrong' }]), 'sv')).toBe('x is wrong');
  });

  it('has the same walk-in fields in both languages', () => {
    expect(Object.keys(catalogue('sv').walkInErrors).sort()).toEqual(Object.keys(catalogue('en').walkInErrors).sort());
  });
});
