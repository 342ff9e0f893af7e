import type { FieldProblem } from '@dialogdag/shared';

/**
 * Rounds: when workshops run. A round is a workshop block of the programme
 * (an item of kind workshop or group_work) or a round number; a workshop
 * given neither is in round 1, the conference's single round. Stored as
 * keys: '1', '2', … or the block's id.
 */
export const MAX_ROUND_NUMBER = 12;
export const MAX_ROUNDS_PER_WORKSHOP = 12;
export const DEFAULT_ROUND_KEY = '1';

/** A round as the API shows it: the number, or the programme item's id. */
export type RoundRef = number | string;

export interface WorkshopBlock {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NUMBER = /^\d{1,3}$/;

export function roundRefOf(key: string): RoundRef {
  return NUMBER.test(key) ? Number(key) : key;
}

/** Whether a value has the shape of a round (the DTO check); whether it exists is `roundKeys`' job. */
export function looksLikeRound(value: unknown): boolean {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 1 && value <= MAX_ROUND_NUMBER;
  return typeof value === 'string' && (UUID.test(value) || (NUMBER.test(value) && looksLikeRound(Number(value))));
}

/**
 * The round keys of a workshop from the organiser's `round` or `rounds`, or
 * the problems with them, each naming the field. A number must be 1–12; an
 * id must be a workshop block of this conference's programme.
 */
export function roundKeys(
  input: { round?: unknown; rounds?: unknown },
  blocks: readonly WorkshopBlock[],
): { keys: string[]; problems: FieldProblem[] } {
  const hasRound = input.round !== undefined && input.round !== null;
  if (hasRound && input.rounds !== undefined && input.rounds !== null) {
    return { keys: [], problems: [{ field: 'round', message: 'round: give round or rounds, not both' }] };
  }
  const field = hasRound ? 'round' : 'rounds';
  const given: unknown[] = hasRound ? [input.round] : Array.isArray(input.rounds) ? input.rounds : input.rounds == null ? [1] : [input.rounds];
  if (given.length === 0) return { keys: [], problems: [{ field, message: 'rounds must name at least one round' }] };
  if (given.length > MAX_ROUNDS_PER_WORKSHOP) return { keys: [], problems: [{ field, message: `rounds may name at most ${MAX_ROUNDS_PER_WORKSHOP} rounds` }] };
  const keys: string[] = [];
  const problems: FieldProblem[] = [];
  for (const value of given) {
    const key = keyOf(value, blocks);
    if (key === null) {
      problems.push({
        field,
        message: `${field}: ${String(value)} is neither a round number from 1 to ${MAX_ROUND_NUMBER} nor a workshop block (a programme item of kind workshop or group_work) of this conference`,
      });
    } else if (keys.includes(key)) {
      problems.push({ field, message: `${field} names round ${String(value)} twice` });
    } else keys.push(key);
  }
  return { keys, problems };
}

function keyOf(value: unknown, blocks: readonly WorkshopBlock[]): string | null {
  if (!looksLikeRound(value)) return null;
  const id = roundKeyOf(value as number | string);
  if (NUMBER.test(id)) return id;
  return blocks.some((b) => b.id.toLowerCase() === id) ? id : null;
}

/**
 * The order rounds happen in: numbered rounds first by number, then
 * programme blocks by start time, then keys of blocks no longer in the
 * programme. Each key once.
 */
export function orderRounds(keys: readonly string[], blocks: readonly WorkshopBlock[]): string[] {
  const start = new Map(blocks.map((b) => [b.id.toLowerCase(), b.startsAt.getTime()]));
  const rank = (key: string): [number, number] =>
    NUMBER.test(key) ? [0, Number(key)] : start.has(key) ? [1, start.get(key) as number] : [2, 0];
  return [...new Set(keys)].sort((a, b) => {
    const [ra, rb] = [rank(a), rank(b)];
    return ra[0] - rb[0] || ra[1] - rb[1] || (a < b ? -1 : a > b ? 1 : 0);
  });
}

/** The stored key of a round value already checked by `looksLikeRound`. */
export function roundKeyOf(value: number | string): string {
  return typeof value === 'number' || NUMBER.test(value) ? String(Number(value)) : value.toLowerCase();
}
