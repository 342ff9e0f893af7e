import { changesSinceRun } from './changes.rules';

const reg = (id: string, status = 'confirmed', transferredFromId: string | null = null, workshopPreferences: string[] = ['w1']) => ({
  id,
  status,
  transferredFromId,
  workshopPreferences,
});

describe('changesSinceRun', () => {
  it('tells new seat holders, cancellations, transfers (followed through a chain) and changed choices apart', () => {
    const snapshot = [
      { id: 'a', preferences: ['w1'] },
      { id: 'b', preferences: ['w1'] },
      { id: 'c', preferences: ['w1'] },
      { id: 'd', preferences: ['w1'] },
    ];
    const now = [
      reg('a'),
      reg('b', 'cancelled'),
      reg('c', 'transferred'),
      reg('c2', 'transferred', 'c'),
      reg('c3', 'confirmed', 'c2'),
      reg('d', 'confirmed', null, ['w2', 'w1']),
      reg('e'),
      reg('f', 'waitlisted'),
    ];
    expect(changesSinceRun(snapshot, now)).toEqual({
      added: ['e'],
      left: ['b'],
      transferred: [{ from: 'c', to: 'c3' }],
      preferencesChanged: ['d'],
    });
  });

  it('finds nothing when nothing changed', () => {
    expect(changesSinceRun([{ id: 'a', preferences: [] }], [reg('a', 'confirmed', null, [])])).toEqual({ added: [], left: [], transferred: [], preferencesChanged: [] });
  });
});
