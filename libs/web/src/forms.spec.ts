import { normaliseFormBody } from './forms';

describe('normaliseFormBody', () => {
  it('nests dotted names and drops empty fields and the hidden security fields', () => {
    expect(normaliseFormBody({ 'venue.name': ' Folkets Hus ', 'venue.city': 'Malmö', title: '', _csrf: 't', website: '', _stamp: '1.x' })).toEqual({
      venue: { name: 'Folkets Hus', city: 'Malmö' },
    });
  });

  it('never writes onto Object.prototype, and survives a name that is both a value and a group', () => {
    const result = normaliseFormBody({ '__proto__.polluted': 'yes', 'constructor.prototype.polluted': 'yes', '': 'x', '.a.b': 'y', a: '1', 'a.b': '2' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(result.a).toBe('1');
  });
});
