import { compileOutcomes, pointsOf } from './notes.rules';

describe('group-work notes', () => {
  it('reads one point per line, list marks dropped', () => {
    expect(pointsOf('- Språket\n\n* Bristande samverkan \r\n2. Långa handläggningstider')).toEqual(['Språket', 'Bristande samverkan', 'Långa handläggningstider']);
  });

  it('compiles per theme, each point once, in the order written', () => {
    const outcomes = compileOutcomes(
      [
        { theme: 'Bostad', groupName: 'Bord 1', obstacles: 'Trångboddhet\nHöga hyror', opportunities: 'Hyresgästföreningen', proposals: '' },
        { theme: 'bostad ', groupName: 'Bord 2', obstacles: 'höga hyror.', opportunities: '', proposals: 'Fler lägenheter' },
        { theme: '', groupName: 'Bord 3', obstacles: '', opportunities: 'Föreningslivet', proposals: '' },
      ],
      'Övrigt',
    );
    expect(outcomes).toEqual([
      { theme: 'Bostad', groups: ['Bord 1', 'Bord 2'], obstacles: ['Trångboddhet', 'Höga hyror'], opportunities: ['Hyresgästföreningen'], proposals: ['Fler lägenheter'] },
      { theme: 'Övrigt', groups: ['Bord 3'], obstacles: [], opportunities: ['Föreningslivet'], proposals: [] },
    ]);
  });
});
