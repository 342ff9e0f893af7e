import fc from 'fast-check';
import { looksLikeRound, orderRounds, roundKeys, roundRefOf } from './rounds.rules';

const block = { id: '11111111-1111-4111-8111-111111111111', title: 'Workshoppass', startsAt: new Date('2030-10-20T11:00:00Z'), endsAt: new Date('2030-10-20T12:00:00Z') };
const early = { ...block, id: '22222222-2222-4222-8222-222222222222', startsAt: new Date('2030-10-20T08:00:00Z') };

describe('rounds', () => {
  it('puts a workshop without a round in round 1', () => {
    expect(roundKeys({}, [])).toEqual({ keys: ['1'], problems: [] });
    expect(roundKeys({ round: null }, [])).toEqual({ keys: ['1'], problems: [] });
  });

  it('accepts round numbers and the conference’s workshop blocks, and names the field of anything else', () => {
    expect(roundKeys({ round: 2 }, []).keys).toEqual(['2']);
    expect(roundKeys({ round: '3' }, []).keys).toEqual(['3']);
    expect(roundKeys({ round: block.id.toUpperCase() }, [block]).keys).toEqual([block.id]);
    expect(roundKeys({ rounds: [1, block.id] }, [block]).keys).toEqual(['1', block.id]);
    for (const round of [0, 13, 1.5, -1, 'two', early.id, true]) {
      const { problems } = roundKeys({ round }, [block]);
      expect(problems).toEqual([expect.objectContaining({ field: 'round' })]);
    }
    expect(roundKeys({ rounds: [] }, []).problems[0].field).toBe('rounds');
    expect(roundKeys({ rounds: [1, '1'] }, []).problems[0].message).toMatch(/twice/);
    expect(roundKeys({ round: 1, rounds: [2] }, []).problems[0].message).toMatch(/not both/);
  });

  it('orders numbered rounds, then blocks by time, each once, whatever the input order', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(['2', '1', block.id, early.id, 'gone', '10'], { minLength: 6 }), (keys) => {
        expect(orderRounds([...keys, ...keys], [block, early])).toEqual(['1', '2', '10', early.id, block.id, 'gone']);
      }),
    );
  });

  it('shows round numbers as numbers and blocks as their ids', () => {
    expect(roundRefOf('2')).toBe(2);
    expect(roundRefOf(block.id)).toBe(block.id);
    expect(looksLikeRound(12)).toBe(true);
    expect(looksLikeRound('12')).toBe(true);
    expect(looksLikeRound('13')).toBe(false);
  });
});
