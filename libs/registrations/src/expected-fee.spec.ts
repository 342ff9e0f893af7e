import { expectedFeeFromForm } from './expected-fee';

describe('expectedFeeFromForm', () => {
  it('reads whole öre and refuses anything else', () => {
    expect(expectedFeeFromForm('40000')).toBe(40000);
    expect(expectedFeeFromForm('0')).toBe(0);
    for (const bad of ['', '-1', '400.5', '1e3', ' 400', '1234567890', undefined, 400, ['400']]) expect(expectedFeeFromForm(bad)).toBeNull();
  });
});
