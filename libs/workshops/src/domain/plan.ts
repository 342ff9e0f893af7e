import { assignWorkshops } from '../algorithm/assign';
import { AssignmentMetrics, ChoiceRank, LockedAssignment } from '../algorithm/assignment.types';
import { splitIntoGroups } from '../algorithm/dialogue-groups';

export interface PlanWorkshop {
  id: string;
  rounds: readonly string[];
  capacity: number;
  groupMin: number;
  groupMax: number;
}

export interface PlanPerson {
  id: string;
  createdAt: Date;
  party: string;
  organisation: string;
  preferences: readonly string[];
}

export interface PlannedPlace {
  registrationId: string;
  workshopId: string;
  round: string;
  group: number;
  rank: ChoiceRank;
  locked: boolean;
}

/**
 * A whole assignment from the conference's state: the optimal placement
 * (earlier registrations win ties), then each workshop's people in each
 * round split into dialogue groups.
 */
export function planAssignment(
  workshops: readonly PlanWorkshop[],
  rounds: readonly string[],
  people: readonly PlanPerson[],
  locked: readonly LockedAssignment[],
): { places: PlannedPlace[]; metrics: AssignmentMetrics } {
  const { placements, metrics } = assignWorkshops({
    rounds,
    workshops: workshops.map((w) => ({ id: w.id, rounds: w.rounds, capacity: w.capacity })),
    participants: people.map((p) => ({ id: p.id, order: p.createdAt.getTime(), party: p.party, preferences: p.preferences })),
    locked,
  });
  const person = new Map(people.map((p) => [p.id, p]));
  const byWorkshopRound = new Map<string, number[]>();
  placements.forEach((p, i) => {
    const key = `${p.workshopId}\u0000${p.round}`;
    const list = byWorkshopRound.get(key);
    if (list) list.push(i);
    else byWorkshopRound.set(key, [i]);
  });
  const groups = new Array<number>(placements.length).fill(1);
  for (const w of workshops) {
    for (const round of w.rounds) {
      const members = byWorkshopRound.get(`${w.id}\u0000${round}`) ?? [];
      const split = splitIntoGroups(
        members.map((i) => {
          const p = person.get(placements[i].participantId) as PlanPerson;
          return { id: p.id, party: p.party, organisation: p.organisation };
        }),
        { min: w.groupMin, max: w.groupMax },
      );
      members.forEach((i, k) => (groups[i] = split[k]));
    }
  }
  return {
    places: placements.map((p, i) => ({
      registrationId: p.participantId,
      workshopId: p.workshopId,
      round: p.round,
      group: groups[i],
      rank: p.rank,
      locked: p.locked,
    })),
    metrics,
  };
}
