import { AssignmentMetrics, Counts, Objective, RoundMetrics } from './assignment.types';
import { BoardPlacement } from './seat-board';
import { IndexedGroup } from './solve-group';

/** The objective a set of counts reaches. */
export function objectiveOf(counts: Counts): Objective {
  return {
    noneOfTheirChoices: counts.noChoice + counts.unassigned,
    firstChoice: counts.firstChoice,
    secondChoice: counts.secondChoice,
    thirdChoice: counts.thirdChoice,
  };
}

/** Negative when `a` is better than `b`: fewer without a choice, then more first, second, third choices. */
export function compareObjectives(a: Objective, b: Objective): number {
  return (
    a.noneOfTheirChoices - b.noneOfTheirChoices ||
    b.firstChoice - a.firstChoice ||
    b.secondChoice - a.secondChoice ||
    b.thirdChoice - a.thirdChoice
  );
}

export function emptyCounts(): Counts {
  return {
    participants: 0,
    withPreferences: 0,
    firstChoice: 0,
    secondChoice: 0,
    thirdChoice: 0,
    noChoice: 0,
    unassigned: 0,
    withoutPreferences: 0,
    withoutPreferencesUnassigned: 0,
  };
}

export function addCounts(a: Counts, b: Counts): Counts {
  const sum = emptyCounts();
  for (const k of Object.keys(sum) as (keyof Counts)[]) sum[k] = a[k] + b[k];
  return sum;
}

/**
 * Counts per round of every group, their totals, and how far each group is
 * from its bound. `choiceCounts[g][p]` is how many workshops person p ranked
 * in group g (0: no preferences there).
 */
export function measure(
  groups: readonly IndexedGroup[],
  roundNames: readonly string[],
  choiceCounts: readonly (readonly number[])[],
  placements: readonly BoardPlacement[],
  bounds: readonly Objective[],
): AssignmentMetrics {
  const people = choiceCounts[0]?.length ?? 0;
  const placedAt = new Int32Array(people * roundNames.length).fill(-1);
  placements.forEach((p, i) => (placedAt[p.person * roundNames.length + p.round] = i));
  const rounds: RoundMetrics[] = [];
  let optimal = true;
  const bound: Objective = { noneOfTheirChoices: 0, firstChoice: 0, secondChoice: 0, thirdChoice: 0 };
  const gap: Objective = { ...bound };
  groups.forEach((group, g) => {
    let groupCounts = emptyCounts();
    for (const round of group.rounds) {
      const counts = emptyCounts();
      for (let person = 0; person < people; person++) {
        const at = placedAt[person * roundNames.length + round];
        const p = at === -1 ? undefined : placements[at];
        counts.participants++;
        if (choiceCounts[g][person] === 0) {
          if (p) counts.withoutPreferences++;
          else counts.withoutPreferencesUnassigned++;
          continue;
        }
        counts.withPreferences++;
        if (!p) counts.unassigned++;
        else if (p.rank === 1) counts.firstChoice++;
        else if (p.rank === 2) counts.secondChoice++;
        else if (p.rank === 3) counts.thirdChoice++;
        else counts.noChoice++;
      }
      rounds.push({ round: roundNames[round], ...counts });
      groupCounts = addCounts(groupCounts, counts);
    }
    const reached = objectiveOf(groupCounts);
    if (compareObjectives(reached, bounds[g]) !== 0) optimal = false;
    bound.noneOfTheirChoices += bounds[g].noneOfTheirChoices;
    bound.firstChoice += bounds[g].firstChoice;
    bound.secondChoice += bounds[g].secondChoice;
    bound.thirdChoice += bounds[g].thirdChoice;
    gap.noneOfTheirChoices += reached.noneOfTheirChoices - bounds[g].noneOfTheirChoices;
    gap.firstChoice += bounds[g].firstChoice - reached.firstChoice;
    gap.secondChoice += bounds[g].secondChoice - reached.secondChoice;
    gap.thirdChoice += bounds[g].thirdChoice - reached.thirdChoice;
  });
  const total = rounds.reduce<Counts>((sum, { round: _round, ...counts }) => addCounts(sum, counts), emptyCounts());
  return { ...total, rounds, optimal, bound, gap };
}
