import { refusalText, WALK_IN_FIELD_ERRORS } from './organiser-messages';

describe('refusal texts for the back office', () => {
  it('says in Swedish why a door action was refused, by status', () => {
    expect(refusalText({ code: 'not_checkable', message: 'A cancelled registration cannot be checked in.', status: 'cancelled' }, 'sv')).toMatch(/avbokad/);
    expect(refusalText({ code: 'not_checkable', message: 'x', status: 'transferred' }, 'en')).toMatch(/transferred/);
    expect(refusalText({ code: 'no_free_seat', message: 'x' }, 'sv')).toMatch(/väntelistan/);
  });

  it('tells a missing waiver reason from a too long one', () => {
    expect(refusalText({ code: 'invalid_reason', message: 'reason must say why the fee is waived' }, 'sv')).toBe('Skriv varför avgiften efterskänks.');
    expect(refusalText({ code: 'invalid_reason', message: 'reason must be at most 500 characters' }, 'sv')).toMatch(/500 tecken/);
  });

  it('keeps the message of codes it does not know', () => {
    expect(refusalText({ code: 'something_else', message: 'As it was.' }, 'sv')).toBe('As it was.');
  });

  it('has the same walk-in fields in both languages', () => {
    expect(Object.keys(WALK_IN_FIELD_ERRORS.sv).sort()).toEqual(Object.keys(WALK_IN_FIELD_ERRORS.en).sort());
  });
});
