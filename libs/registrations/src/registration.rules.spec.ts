import fc from 'fast-check';
import { registrationWindow } from './registration.rules';

const deadline = new Date('2026-10-06T23:59:59.999+02:00');

describe('registrationWindow', () => {
  it('is open up to and including the deadline, closed after it', () => {
    expect(registrationWindow({ registrationOpensAt: null, registrationDeadline: deadline }, deadline)).toBe('open');
    expect(registrationWindow({ registrationOpensAt: null, registrationDeadline: deadline }, new Date(deadline.getTime() + 1))).toBe('closed');
  });

  it('is not open before the opening time', () => {
    const opens = new Date('2026-09-01T09:00:00+02:00');
    expect(registrationWindow({ registrationOpensAt: opens, registrationDeadline: deadline }, new Date(opens.getTime() - 1))).toBe('not_open_yet');
    expect(registrationWindow({ registrationOpensAt: opens, registrationDeadline: deadline }, opens)).toBe('open');
  });

  it('is never open after the deadline, whatever the time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 11 }), (after) => {
        expect(registrationWindow({ registrationOpensAt: null, registrationDeadline: deadline }, new Date(deadline.getTime() + after))).toBe('closed');
      }),
    );
  });
});
