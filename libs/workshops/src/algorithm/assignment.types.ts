/** How many workshops a participant may rank in one choice round. */
export const MAX_CHOICES = 3;

export interface InstanceWorkshop {
  id: string;
  /** The rounds it runs in: one for most workshops, several for a repeated one. */
  rounds: readonly string[];
  /** Seats in each of its rounds. */
  capacity: number;
}

export interface InstanceParticipant {
  id: string;
  /** Tie-break: a smaller `order` wins (the service passes the registration time). */
  order: number;
  /** Workshop ids in rank order; ids of other choice rounds are read per round. */
  preferences: readonly string[];
  /** For spreading people placed outside their choices; any label. */
  party: string;
}

export interface LockedAssignment {
  participantId: string;
  workshopId: string;
  round: string;
}

export interface AssignmentInstance {
  /** Round keys in the order they happen. */
  rounds: readonly string[];
  workshops: readonly InstanceWorkshop[];
  participants: readonly InstanceParticipant[];
  locked: readonly LockedAssignment[];
}

/** 1, 2 or 3 for a ranked workshop, null for one outside the person's choices. */
export type ChoiceRank = number | null;

export interface Placement {
  participantId: string;
  workshopId: string;
  round: string;
  rank: ChoiceRank;
  locked: boolean;
}

/**
 * The lexicographic objective: fewest with none of their choices (placed
 * elsewhere or not at all), then most first, second and third choices.
 */
export interface Objective {
  noneOfTheirChoices: number;
  firstChoice: number;
  secondChoice: number;
  thirdChoice: number;
}

export interface Counts {
  /** Person-rounds counted: seat holders times the rounds they take part in. */
  participants: number;
  withPreferences: number;
  firstChoice: number;
  secondChoice: number;
  thirdChoice: number;
  /** People with preferences placed in a workshop they did not choose. */
  noChoice: number;
  /** People with preferences left without a workshop (no room). */
  unassigned: number;
  /** People without preferences, placed where room was left. */
  withoutPreferences: number;
  withoutPreferencesUnassigned: number;
}

export interface RoundMetrics extends Counts {
  round: string;
}

export interface AssignmentMetrics extends Counts {
  rounds: RoundMetrics[];
  /** Proved optimal: the result reaches the bound of the relaxation in every choice round. */
  optimal: boolean;
  /** The best any assignment could reach, per the single-round flow relaxation. */
  bound: Objective;
  /** bound minus result, componentwise; all zero when optimal. */
  gap: Objective;
}

export interface AssignmentResult {
  placements: Placement[];
  metrics: AssignmentMetrics;
}
