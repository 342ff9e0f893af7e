import type { Participant } from '@dialogdag/registrations';
import { seatingInput } from './seating.input';

const person = (id: string, overrides: Partial<Participant> = {}): Participant =>
  ({ id, name: id, email: `${id}@example.org`, organisation: 'Org', party: 'civil_society', isPolitician: false, status: 'confirmed', ...overrides }) as Participant;

describe('seatingInput', () => {
  it('spreads speakers (by e-mail, any case) and politicians, and carries fixings and the stored seats', () => {
    const input = seatingInput({
      tables: [{ id: 't1', seats: 8, reserved: false }],
      people: [person('a', { email: 'Talare@Example.org' }), person('b', { isPolitician: true, party: 'local_regional' }), person('c')],
      fixed: new Map([['c', 't1']]),
      seats: new Map([['a', 't1']]),
      requests: [],
      speakerEmails: [' talare@example.org '],
    });
    expect(input.people.map((p) => [p.id, p.group, p.spreadGroups, p.fixedTableId, p.previousTableId])).toEqual([
      ['a', 'civil_society', ['speaker'], undefined, 't1'],
      ['b', 'local_regional', ['politician'], undefined, undefined],
      ['c', 'civil_society', [], 't1', undefined],
    ]);
  });

  it('leaves out requests naming someone who no longer holds a seat', () => {
    const input = seatingInput({
      tables: [],
      people: [person('a'), person('b')],
      fixed: new Map(),
      seats: new Map(),
      requests: [
        { kind: 'apart', firstId: 'a', secondId: 'b' },
        { kind: 'together', firstId: 'a', secondId: 'gone' },
      ],
      speakerEmails: [],
    });
    expect(input.keepApart).toEqual([{ a: 'a', b: 'b' }]);
    expect(input.keepTogether).toEqual([]);
  });
});
