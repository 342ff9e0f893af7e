import { rowsOf, stockholmPeople } from '../testing/stockholm.fixture';
import { summariseAttendance } from '../summary/attendance.rules';
import { joinList, participantsText } from './participants.wording';

const C = '00000000-0000-4000-8000-000000000001';

describe('participantsText', () => {
  const summary = summariseAttendance(C, rowsOf(C, stockholmPeople()), true);

  it('says the Stockholm figures in natural Swedish', () => {
    expect(participantsText(summary, 'sv')[0]).toBe(
      '120 personer deltog: 80 från idéburna organisationer, 30 från offentlig sektor (varav 6 förtroendevalda politiker) och 10 från näringsliv och övriga. ' +
        'Inom offentlig sektor kom 12 från kommuner, 9 från statliga myndigheter, 4 från länsstyrelser, 3 från regioner och 2 från Regeringskansliet. ' +
        'Sammanlagt var 41 organisationer representerade, bland dem 6 kommuner och 2 regioner. ' +
        'De förtroendevalda politikerna representerade Socialdemokraterna (2), Centerpartiet (1), Liberalerna (1), Moderaterna (1) och Vänsterpartiet (1).',
    );
  });

  it('and in English', () => {
    expect(participantsText(summary, 'en')[0]).toMatch(
      /^120 people took part: 80 from civil-society organisations, 30 from the public sector, among them 6 elected politicians, and 10 from business and others\. /,
    );
  });

  it('speaks of registrations before anyone is checked in, and of nobody when empty', () => {
    const before = summariseAttendance(C, rowsOf(C, stockholmPeople().map((p) => ({ ...p, attended: false }))), false);
    expect(participantsText(before, 'sv')[0]).toMatch(/^130 personer var anmälda: 86 från idéburna organisationer, 34 från offentlig sektor/);
    expect(participantsText(summariseAttendance(C, [], false), 'sv')).toEqual(['Inga deltagare är registrerade än.']);
  });

  it('uses the singular for one', () => {
    const one = summariseAttendance(C, rowsOf(C, [{ organisation: 'Botkyrka kommun', sector: 'municipality', attended: true }]), true);
    expect(participantsText(one, 'sv')[0]).toBe(
      '1 person deltog: 1 från offentlig sektor. Inom offentlig sektor kom 1 från kommuner. Sammanlagt var 1 organisation representerad, bland dem 1 kommun.',
    );
  });

  it('joins lists the Swedish and the English way', () => {
    expect(joinList(['a', 'b', 'c'], 'sv')).toBe('a, b och c');
    expect(joinList(['a', 'b', 'c'], 'en')).toBe('a, b, and c');
    expect(joinList(['a', 'b'], 'en')).toBe('a and b');
  });
});
