/**
 * Dialogue groups inside a workshop: sizes as even as possible within the
 * organiser's bounds, each party spread as evenly as the numbers allow
 * (its count in any two groups differs by at most one), and people of one
 * organisation kept apart where possible.
 */
export interface GroupMember {
  id: string;
  party: string;
  organisation: string;
}

export interface GroupSize {
  min: number;
  max: number;
}

export const DEFAULT_GROUP_SIZE: GroupSize = { min: 6, max: 10 };

/** As few groups as keep every group within `max`; one group when there are fewer people than `min`. */
export function groupCount(people: number, size: GroupSize): number {
  if (people === 0) return 0;
  return Math.max(1, Math.ceil(people / Math.max(1, size.max)));
}

const orgKey = (m: GroupMember) => m.organisation.trim().toLocaleLowerCase('sv');

/**
 * The group (1-based) of each member, in the members' order. Members are
 * lined up party by party (largest party first), and within a party by
 * organisation (largest first), then dealt round the groups like cards:
 * each party's run, and each organisation's run within it, lands in
 * consecutive groups. Swaps within a party then separate colleagues the deal
 * could not (organisations larger than the number of groups, or one
 * organisation across parties).
 */
export function splitIntoGroups(members: readonly GroupMember[], size: GroupSize): number[] {
  const count = groupCount(members.length, size);
  if (count === 0) return [];
  const partySize = tally(members.map((m) => m.party));
  const orgSize = tally(members.map((m) => `${m.party}\u0000${orgKey(m)}`));
  const order = members
    .map((m, i) => ({ m, i }))
    .sort(
      (a, b) =>
        (partySize.get(b.m.party) as number) - (partySize.get(a.m.party) as number) ||
        compare(a.m.party, b.m.party) ||
        (orgSize.get(`${b.m.party}\u0000${orgKey(b.m)}`) as number) - (orgSize.get(`${a.m.party}\u0000${orgKey(a.m)}`) as number) ||
        compare(orgKey(a.m), orgKey(b.m)) ||
        a.i - b.i,
    );
  const group = new Array<number>(members.length);
  order.forEach(({ i }, position) => (group[i] = position % count));
  separateColleagues(members, group, count);
  return group.map((g) => g + 1);
}

/** Pairs of people of one organisation sharing a group (people without an organisation never pair). */
export function sameOrganisationPairs(members: readonly GroupMember[], groups: readonly number[]): number {
  const together = tally(members.flatMap((m, i) => (orgKey(m) === '' ? [] : [`${groups[i]}\u0000${orgKey(m)}`])));
  let pairs = 0;
  for (const n of together.values()) pairs += (n * (n - 1)) / 2;
  return pairs;
}

/**
 * The group for someone added by hand to a workshop that is already split:
 * a group below the maximum with the fewest of their party, then the fewest
 * colleagues, then the fewest people, then the lowest number. When every
 * group is full, the smallest one; when there is none, group 1.
 */
export function groupForNewcomer(current: readonly { group: number; member: GroupMember }[], newcomer: GroupMember, size: GroupSize): number {
  const groups = [...new Set(current.map((c) => c.group))].sort((a, b) => a - b);
  if (groups.length === 0) return 1;
  const stats = groups.map((g) => {
    const inGroup = current.filter((c) => c.group === g).map((c) => c.member);
    return {
      g,
      size: inGroup.length,
      party: inGroup.filter((m) => m.party === newcomer.party).length,
      colleagues: orgKey(newcomer) === '' ? 0 : inGroup.filter((m) => orgKey(m) === orgKey(newcomer)).length,
    };
  });
  const open = stats.filter((s) => s.size < size.max);
  const pool = open.length > 0 ? open : stats;
  pool.sort((a, b) => (open.length > 0 ? a.party - b.party || a.colleagues - b.colleagues : 0) || a.size - b.size || a.g - b.g);
  return pool[0].g;
}

/** Swaps two people of one party between groups while that lowers the number of colleague pairs. */
function separateColleagues(members: readonly GroupMember[], group: number[], count: number): void {
  const keys = members.map(orgKey);
  const inGroup = new Map<string, number>();
  const at = (g: number, org: string) => inGroup.get(`${g}\u0000${org}`) ?? 0;
  const add = (g: number, org: string, delta: number) => inGroup.set(`${g}\u0000${org}`, at(g, org) + delta);
  members.forEach((_, i) => add(group[i], keys[i], 1));
  const cost = (i: number) => (keys[i] === '' ? 0 : at(group[i], keys[i]) - 1);
  let improved = count > 1;
  while (improved) {
    improved = false;
    for (let a = 0; a < members.length; a++) {
      if (cost(a) === 0) continue;
      for (let b = 0; b < members.length; b++) {
        if (group[a] === group[b] || members[a].party !== members[b].party || keys[a] === keys[b]) continue;
        // Pairs a and b leave behind, minus pairs they join in each other's group.
        const gain = cost(a) + cost(b) - (keys[a] === '' ? 0 : at(group[b], keys[a])) - (keys[b] === '' ? 0 : at(group[a], keys[b]));
        if (gain <= 0) continue;
        add(group[a], keys[a], -1);
        add(group[b], keys[b], -1);
        [group[a], group[b]] = [group[b], group[a]];
        add(group[a], keys[a], 1);
        add(group[b], keys[b], 1);
        improved = true;
        break;
      }
    }
  }
}

function tally(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
