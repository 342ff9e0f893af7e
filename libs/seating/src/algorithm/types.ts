/**
 * The table-placement problem as plain data. Nothing here knows about Nest,
 * TypeORM or the clock: the service translates stored rows into this shape.
 */

/** The three parties first (a table "holds all parties" when 0, 1 and 2 are present), then everybody else. */
export const SEATING_GROUPS = ['civil_society', 'local_regional', 'state', 'other'] as const;
export type SeatingGroup = (typeof SEATING_GROUPS)[number];
export const GROUP_COUNT = SEATING_GROUPS.length;
/** Groups 0..PARTY_COUNT-1 are the parties that every table should hold. */
export const PARTY_COUNT = 3;

export interface SeatingTable {
  id: string;
  seats: number;
  /** Reserved tables stay empty, except for people fixed to them by hand. */
  reserved?: boolean;
}

export interface SeatingPerson {
  id: string;
  group: SeatingGroup;
  /** As typed by the person; compared through `organisationKey`. Empty: belongs to no organisation. */
  organisation: string;
  /** Placed here by the organiser: the algorithm never moves this person. */
  fixedTableId?: string;
  /** Where the person sat in the stored placement, for re-runs. */
  previousTableId?: string;
  /** Groups to spread over the tables (e.g. `speaker`, `politician`). */
  spreadGroups?: readonly string[];
}

export interface PairRequest {
  a: string;
  b: string;
}

export interface SeatingInput {
  tables: readonly SeatingTable[];
  people: readonly SeatingPerson[];
  keepApart?: readonly PairRequest[];
  keepTogether?: readonly PairRequest[];
  /** Tie-breaks are drawn from this seed, never from Math.random: same input, same output. */
  seed?: number;
}

export interface TableProblems {
  /** Parties (of the three) not present at the table. */
  missingParties: SeatingGroup[];
  /** People of one organisation sharing this table, one list per organisation. */
  sameOrganisation: string[][];
  /** Groups whose count is a full person or more off the table's proportional share. */
  offShare: Array<{ group: SeatingGroup; count: number; share: number }>;
  /** Broken requests that involve someone at this table. */
  brokenRequests: BrokenRequest[];
}

export type BrokenRequest =
  | { kind: 'apart'; a: string; b: string }
  | { kind: 'together'; a: string; b: string }
  | { kind: 'spread'; spreadGroup: string; tableId: string; count: number; allowed: number };

export interface SeatingMetrics {
  people: number;
  tablesInUse: number;
  tablesWithAllParties: number;
  maxPossibleTablesWithAllParties: number;
  /** Largest |count − proportional share| over tables and groups, in people. */
  maxPartyDeviation: number;
  /** Sum of |count − proportional share| over tables and groups, in people. */
  totalPartyDeviation: number;
  sameOrganisationPairs: number;
  requestsBroken: number;
  peopleMoved: number;
  /** People in the input without a table (only when judging a stored placement after late changes). */
  peopleWithoutTable: number;
}

export interface PlacedTable {
  tableId: string;
  personIds: string[];
}

export interface Move {
  personId: string;
  fromTableId: string;
  toTableId: string;
}

export interface SeatingEvaluation {
  metrics: SeatingMetrics;
  problems: Map<string, TableProblems>;
  brokenRequests: BrokenRequest[];
}

export interface SeatingResult extends SeatingEvaluation {
  tables: PlacedTable[];
  moved: Move[];
}

/** Why an input cannot be placed at all. The service maps each to one error code. */
export type SeatingInputProblem =
  | { code: 'too_few_seats'; missing: number }
  | { code: 'fixed_table_unknown'; personId: string; tableId: string }
  | { code: 'fixed_table_full'; tableId: string; fixed: number; seats: number }
  | { code: 'request_unknown_person'; personId: string }
  | { code: 'request_same_person'; personId: string }
  | { code: 'duplicate_person'; personId: string }
  | { code: 'too_many_people'; limit: number };
