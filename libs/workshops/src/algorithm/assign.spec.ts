import fc from 'fast-check';
import { referenceObjective } from '../../test/highs-reference';
import { assignWorkshops } from './assign';
import { AssignmentInstance, AssignmentResult, InstanceParticipant, LockedAssignment } from './assignment.types';
import { choiceGroups, choicesIn } from './choice-groups';
import { compareObjectives, objectiveOf } from './metrics';

type Structure = 'single' | 'separate' | 'repeated' | 'mixed';
const PARTIES = ['civil_society', 'local_regional', 'state', 'other'];

/** Random instances; `exact` tells whether the algorithm must reach the optimum. */
const instances = fc
  .record({ structure: fc.constantFrom<Structure>('single', 'separate', 'repeated', 'mixed'), withLocks: fc.boolean(), gen: fc.gen() })
  .map(({ structure, withLocks, gen }) => {
    const roundCount = structure === 'single' ? 1 : gen(fc.integer, { min: 2, max: 3 });
    const rounds = Array.from({ length: roundCount }, (_, i) => `r${i + 1}`);
    const workshopCount = gen(fc.integer, { min: 1, max: structure === 'separate' ? 8 : 5 });
    const workshops = Array.from({ length: workshopCount }, (_, i) => {
      let ws: string[];
      if (structure === 'single' || structure === 'repeated') ws = rounds;
      else if (structure === 'separate') ws = [rounds[i % roundCount]];
      else ws = gen(fc.subarray, rounds, { minLength: 1 });
      return { id: `w${i}`, rounds: ws, capacity: gen(fc.integer, { min: 0, max: 6 }) };
    });
    const groups = choiceGroups(rounds, workshops);
    const participants: InstanceParticipant[] = Array.from({ length: gen(fc.integer, { min: 0, max: 24 }) }, (_, i) => ({
      id: `p${String(i).padStart(2, '0')}`,
      order: gen(fc.integer, { min: 0, max: 5 }),
      party: gen(fc.constantFrom, ...PARTIES),
      preferences: groups.flatMap((g) =>
        gen(fc.shuffledSubarray, g.workshops.map((w) => w.id), { maxLength: Math.min(3, g.workshops.length) }),
      ),
    }));
    const locked: LockedAssignment[] = [];
    if (withLocks) {
      const used = new Map<string, number>();
      for (const p of participants) {
        if (!gen(fc.boolean)) continue;
        const w = gen(fc.constantFrom, ...workshops);
        const round = gen(fc.constantFrom, ...w.rounds);
        const key = `${w.id}@${round}`;
        if ((used.get(key) ?? 0) >= w.capacity) continue;
        used.set(key, (used.get(key) ?? 0) + 1);
        locked.push({ participantId: p.id, workshopId: w.id, round });
      }
    }
    const instance: AssignmentInstance = { rounds, workshops, participants, locked };
    const exact = structure === 'single' || structure === 'separate' || (structure === 'repeated' && locked.length === 0);
    return { instance, exact };
  });

function checkFeasible(instance: AssignmentInstance, result: AssignmentResult): void {
  const groups = choiceGroups(instance.rounds, instance.workshops);
  const seats = new Map<string, number>();
  const roundsOf = new Map(instance.workshops.map((w) => [w.id, w]));
  for (const p of result.placements) {
    const w = roundsOf.get(p.workshopId);
    expect(w?.rounds).toContain(p.round);
    seats.set(`${p.workshopId}@${p.round}`, (seats.get(`${p.workshopId}@${p.round}`) ?? 0) + 1);
    const person = instance.participants.find((x) => x.id === p.participantId) as InstanceParticipant;
    const group = groups.find((g) => g.rounds.includes(p.round));
    const rank = choicesIn(group!, person.preferences).indexOf(p.workshopId) + 1;
    expect(p.rank).toBe(rank === 0 ? null : rank);
  }
  for (const w of instance.workshops) for (const r of w.rounds) expect(seats.get(`${w.id}@${r}`) ?? 0).toBeLessThanOrEqual(w.capacity);
  for (const person of instance.participants) {
    const own = result.placements.filter((p) => p.participantId === person.id);
    expect(new Set(own.map((p) => p.round)).size).toBe(own.length);
    expect(new Set(own.map((p) => p.workshopId)).size).toBe(own.length);
    // Nobody is left out of a round while a workshop there has a seat they could take.
    for (const r of instance.rounds) {
      if (own.some((p) => p.round === r)) continue;
      const open = instance.workshops.filter(
        (w) => w.rounds.includes(r) && (seats.get(`${w.id}@${r}`) ?? 0) < w.capacity && !own.some((p) => p.workshopId === w.id),
      );
      expect(open).toEqual([]);
    }
  }
  for (const lock of instance.locked) {
    expect(result.placements).toContainEqual(expect.objectContaining({ ...lock, locked: true }));
  }
}

describe('assignWorkshops', () => {
  it('gives the most people a choice before it gives anyone a first choice', () => {
    // Greedy by first choice would give A to p1 and leave p2 with nothing it chose.
    const result = assignWorkshops({
      rounds: ['r'],
      workshops: [
        { id: 'A', rounds: ['r'], capacity: 1 },
        { id: 'B', rounds: ['r'], capacity: 1 },
      ],
      participants: [
        { id: 'p1', order: 1, party: 'state', preferences: ['A', 'B'] },
        { id: 'p2', order: 2, party: 'state', preferences: ['A'] },
      ],
      locked: [],
    });
    expect(result.placements).toEqual([
      { participantId: 'p1', workshopId: 'B', round: 'r', rank: 2, locked: false },
      { participantId: 'p2', workshopId: 'A', round: 'r', rank: 1, locked: false },
    ]);
    expect(result.metrics).toMatchObject({ firstChoice: 1, secondChoice: 1, noChoice: 0, unassigned: 0, optimal: true });
  });

  it('gives a repeated workshop once per person and places people without preferences in the room left', () => {
    const result = assignWorkshops({
      rounds: ['morning', 'afternoon'],
      workshops: ['A', 'B', 'C'].map((id) => ({ id, rounds: ['morning', 'afternoon'], capacity: 2 })),
      participants: [
        ...['a', 'b', 'c'].map((id, i) => ({ id, order: i, party: 'state', preferences: ['A', 'B'] })),
        ...['x', 'y', 'z'].map((id, i) => ({ id, order: 10 + i, party: id === 'z' ? 'state' : 'civil_society', preferences: [] })),
      ],
      locked: [],
    });
    // Six seats are left for x, y and z, but four of them are in C, which each may attend once.
    expect(result.metrics).toMatchObject({ firstChoice: 3, secondChoice: 3, noChoice: 0, withoutPreferences: 5, withoutPreferencesUnassigned: 1, optimal: true });
    for (const id of ['x', 'y', 'z']) {
      const own = result.placements.filter((p) => p.participantId === id);
      expect(new Set(own.map((p) => p.workshopId)).size).toBe(own.length);
    }
    // The room left is dealt party by party: the one person from the state is placed in both rounds.
    for (const round of ['morning', 'afternoon']) {
      const parties = result.placements.filter((p) => p.round === round && ['x', 'y', 'z'].includes(p.participantId)).map((p) => p.participantId === 'z');
      expect(parties).toContain(true);
    }
  });

  it('keeps a lock even where the person chose otherwise, and counts it', () => {
    const result = assignWorkshops({
      rounds: ['r'],
      workshops: [{ id: 'A', rounds: ['r'], capacity: 1 }, { id: 'B', rounds: ['r'], capacity: 1 }],
      participants: [{ id: 'p', order: 0, party: 'state', preferences: ['A'] }],
      locked: [{ participantId: 'p', workshopId: 'B', round: 'r' }],
    });
    expect(result.placements).toEqual([{ participantId: 'p', workshopId: 'B', round: 'r', rank: null, locked: true }]);
    expect(result.metrics).toMatchObject({ noChoice: 1, optimal: true });
  });

  it('is feasible, deterministic, and reaches the HiGHS optimum wherever it claims to', async () => {
    await fc.assert(
      fc.asyncProperty(instances, fc.integer(), async ({ instance, exact }, seed) => {
        const result = assignWorkshops(instance);
        checkFeasible(instance, result);
        const shuffled = {
          ...instance,
          participants: fc.sample(fc.shuffledSubarray([...instance.participants], { minLength: instance.participants.length }), { seed, numRuns: 1 })[0],
          workshops: [...instance.workshops].reverse(),
        };
        expect(assignWorkshops(shuffled)).toEqual(result);

        const reached = objectiveOf(result.metrics);
        const optimum = await referenceObjective(instance, { aggregate: seed % 2 === 0 });
        if (exact || result.metrics.optimal) expect(reached).toEqual(optimum);
        else expect(compareObjectives(reached, optimum)).toBeGreaterThanOrEqual(0);
        // The bound is a true bound, and it is the optimum where the method is exact.
        expect(compareObjectives(result.metrics.bound, optimum)).toBeLessThanOrEqual(0);
        if (exact) expect(result.metrics).toMatchObject({ optimal: true, bound: optimum });
        const w = result.metrics;
        expect(w.withPreferences).toBe(w.firstChoice + w.secondChoice + w.thirdChoice + w.noChoice + w.unassigned);
      }),
      { numRuns: 300 },
    );
  });
});
