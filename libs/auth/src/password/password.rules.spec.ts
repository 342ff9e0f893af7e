import fc from 'fast-check';
import { isCommonPassword } from './common-passwords';
import { PASSWORD_MIN_LENGTH, passwordProblem } from './password.rules';

const check = (password: string, email = 'maria.svensson@example.org') => passwordProblem(password, { email }, isCommonPassword);

describe('passwordProblem', () => {
  it('accepts a long passphrase', () => {
    expect(check('correct horse battery')).toBeNull();
    expect(check('Kanelbulle på Järntorget')).toBeNull();
  });

  it('asks for at least 12 characters, counted as characters', () => {
    expect(check('short words')).toBe('too_short');
    expect(check('🙂'.repeat(11))).toBe('too_short');
    expect(check('x'.repeat(201))).toBe('too_long');
  });

  it('refuses common passwords, also padded with digits and symbols or in capitals', () => {
    for (const password of ['qwerty123456', 'QWERTY123456', 'password1234', 'Password2024!', 'baseball12345', '1qaz2wsx3edc', 'aaaaaaaaaaaa', 'abcabcabcabc']) {
      expect({ password, problem: check(password) }).toEqual({ password, problem: 'common' });
    }
  });

  it('refuses passwords built on the account’s e-mail or the site’s name', () => {
    expect(check('maria.svensson-2030')).toBe('personal');
    expect(check('2030-Dialogdag!!')).toBe('personal');
    expect(check('my maria.svensson@example.org')).toBe('personal');
    // A passphrase may mention either.
    expect(check('a long admin password', 'admin@example.org')).toBeNull();
  });

  it('ships the list it checks against', () => {
    expect(isCommonPassword('password')).toBe(true);
    expect(isCommonPassword('correct horse battery')).toBe(false);
  });

  it('never accepts anything shorter than the minimum, whatever it is', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: PASSWORD_MIN_LENGTH - 1 }), (password) => {
        expect(check(password)).not.toBeNull();
      }),
    );
  });
});
