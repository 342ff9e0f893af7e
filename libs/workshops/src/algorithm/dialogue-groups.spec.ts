import fc from 'fast-check';
import { GroupMember, groupCount, groupForNewcomer, sameOrganisationPairs, splitIntoGroups } from './dialogue-groups';

const members = fc
  .array(fc.record({ party: fc.constantFrom('civil_society', 'local_regional', 'state', 'other'), organisation: fc.constantFrom('', 'A', 'B', 'C', 'D', 'E', 'F', 'Malmö stad', 'malmö stad ') }), { maxLength: 60 })
  .map((list) => list.map((m, i): GroupMember => ({ id: `p${i}`, ...m })));
const sizes = fc.integer({ min: 2, max: 12 }).chain((min) => fc.integer({ min, max: 14 }).map((max) => ({ min, max })));

describe('dialogue groups', () => {
  it('keeps sizes within one of each other and within the maximum, and spreads every party within one', () => {
    fc.assert(
      fc.property(members, sizes, (people, size) => {
        const groups = splitIntoGroups(people, size);
        const count = groupCount(people.length, size);
        expect(groups).toHaveLength(people.length);
        const sizesOf = Array.from({ length: count }, (_, g) => groups.filter((x) => x === g + 1).length);
        if (people.length > 0) {
          expect(Math.max(...sizesOf) - Math.min(...sizesOf)).toBeLessThanOrEqual(1);
          expect(Math.max(...sizesOf)).toBeLessThanOrEqual(size.max);
        }
        for (const party of new Set(people.map((p) => p.party))) {
          const perGroup = sizesOf.map((_, g) => people.filter((p, i) => p.party === party && groups[i] === g + 1).length);
          expect(Math.max(...perGroup) - Math.min(...perGroup)).toBeLessThanOrEqual(1);
        }
        expect(splitIntoGroups(people, size)).toEqual(groups);
      }),
      { numRuns: 500 },
    );
  });

  it('never seats colleagues together when every organisation is in one party and fits the number of groups', () => {
    fc.assert(
      fc.property(members, sizes, (people, size) => {
        const count = groupCount(people.length, size);
        const key = (m: GroupMember) => m.organisation.trim().toLocaleLowerCase('sv');
        const orgs = new Set(people.map(key).filter((k) => k !== ''));
        const fits = [...orgs].every((o) => {
          const of = people.filter((p) => key(p) === o);
          return of.length <= count && new Set(of.map((p) => p.party)).size === 1;
        });
        fc.pre(fits);
        expect(sameOrganisationPairs(people, splitIntoGroups(people, size))).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('makes twelve people from three parties into two mixed groups of six', () => {
    const people: GroupMember[] = ['civil_society', 'local_regional', 'state'].flatMap((party) =>
      [0, 1, 2, 3].map((i) => ({ id: `${party}${i}`, party, organisation: `${party}-${i % 2}` })),
    );
    const groups = splitIntoGroups(people, { min: 6, max: 10 });
    for (const g of [1, 2]) {
      const inGroup = people.filter((_, i) => groups[i] === g);
      expect(inGroup).toHaveLength(6);
      for (const party of ['civil_society', 'local_regional', 'state']) expect(inGroup.filter((m) => m.party === party)).toHaveLength(2);
    }
    expect(sameOrganisationPairs(people, groups)).toBe(0);
  });

  it('puts a newcomer where their party is scarcest, in a group with room', () => {
    const current = [
      { group: 1, member: { id: 'a', party: 'state', organisation: 'X' } },
      { group: 1, member: { id: 'b', party: 'civil_society', organisation: 'Y' } },
      { group: 2, member: { id: 'c', party: 'civil_society', organisation: 'Z' } },
      { group: 2, member: { id: 'd', party: 'civil_society', organisation: 'W' } },
    ];
    expect(groupForNewcomer(current, { id: 'n', party: 'state', organisation: 'Q' }, { min: 2, max: 3 })).toBe(2);
    expect(groupForNewcomer(current, { id: 'n', party: 'civil_society', organisation: 'Q' }, { min: 2, max: 3 })).toBe(1);
    expect(groupForNewcomer([], { id: 'n', party: 'state', organisation: '' }, { min: 2, max: 3 })).toBe(1);
    expect(groupForNewcomer(current, { id: 'n', party: 'state', organisation: '' }, { min: 2, max: 2 })).toBe(1);
  });
});
