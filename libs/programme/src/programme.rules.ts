/**
 * The rules of a day's programme, as pure functions: which items may share
 * the clock, how a shift moves the day, how parallel items group into slots.
 *
 * The day is one plenary track, except that items of a parallel kind
 * (workshops, group work) may run side by side in DIFFERENT rooms:
 * - every item lies within the conference's hours and ends after it starts;
 * - two items in the same room never overlap;
 * - one speaker is never in two overlapping items;
 * - an item without a room is plenary (the whole audience): it overlaps nothing;
 * - two items with rooms overlap only when both are of a parallel kind.
 * Intervals are half-open: an item ending at 10:00 and one starting at 10:00 do not overlap.
 */

export const PROGRAMME_KINDS = [
  'registration',
  'welcome',
  'talk',
  'panel',
  'break',
  'lunch',
  'workshop',
  'group_work',
  'cultural',
  'closing',
  'other',
] as const;
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];

export const SPEAKER_ROLES = ['speaker', 'moderator', 'panelist', 'inspirer'] as const;
export type SpeakerRole = (typeof SPEAKER_ROLES)[number];

/** Kinds that may run side by side in different rooms. */
export const PARALLEL_KINDS: readonly ProgrammeKind[] = ['workshop', 'group_work'];

export interface PlannedItem {
  id: string;
  title: string;
  kind: ProgrammeKind;
  startsAt: Date;
  endsAt: Date;
  room: string | null;
  speakerIds: string[];
}

export interface DayHours {
  startsAt: Date;
  endsAt: Date;
}

export type ProgrammeProblem =
  | { reason: 'ends_before_start'; item: PlannedItem }
  | { reason: 'outside_hours'; item: PlannedItem }
  | { reason: 'room'; item: PlannedItem; other: PlannedItem }
  | { reason: 'speaker'; item: PlannedItem; other: PlannedItem; speakerId: string }
  | { reason: 'plenary'; item: PlannedItem; other: PlannedItem }
  | { reason: 'not_parallel'; item: PlannedItem; other: PlannedItem };

const MINUTE = 60_000;

export function overlaps(a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }): boolean {
  return a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();
}

/** Rooms are compared as people type them: "Sal A" and " sal a" are one room. */
export function normaliseRoom(room: string | null | undefined): string | null {
  const trimmed = room?.trim().replace(/\s+/g, ' ');
  return trimmed ? trimmed.toLocaleLowerCase('sv-SE') : null;
}

/** Problems of one item on its own: its times and the day's hours. */
export function ownProblems(item: PlannedItem, day: DayHours): ProgrammeProblem[] {
  if (item.endsAt.getTime() <= item.startsAt.getTime()) return [{ reason: 'ends_before_start', item }];
  if (item.startsAt.getTime() < day.startsAt.getTime() || item.endsAt.getTime() > day.endsAt.getTime()) {
    return [{ reason: 'outside_hours', item }];
  }
  return [];
}

/** Why two items may not share the clock, or null when they may. */
export function pairClash(item: PlannedItem, other: PlannedItem): ProgrammeProblem | null {
  if (item.id === other.id || !overlaps(item, other)) return null;
  const room = normaliseRoom(item.room);
  const otherRoom = normaliseRoom(other.room);
  if (room !== null && room === otherRoom) return { reason: 'room', item, other };
  const shared = item.speakerIds.find((id) => other.speakerIds.includes(id));
  if (shared) return { reason: 'speaker', item, other, speakerId: shared };
  if (room === null || otherRoom === null) return { reason: 'plenary', item, other };
  if (!PARALLEL_KINDS.includes(item.kind) || !PARALLEL_KINDS.includes(other.kind)) return { reason: 'not_parallel', item, other };
  return null;
}

/** Every problem with placing `candidate` among `others` (the rest of the day), earliest clash first. */
export function candidateProblems(candidate: PlannedItem, others: PlannedItem[], day: DayHours): ProgrammeProblem[] {
  const own = ownProblems(candidate, day);
  if (own.length) return own;
  return byStart(others)
    .map((other) => pairClash(candidate, other))
    .filter((p): p is ProgrammeProblem => p !== null);
}

/** Every problem in a whole programme; empty means the programme may be saved. */
export function programmeProblems(items: PlannedItem[], day: DayHours): ProgrammeProblem[] {
  const sorted = byStart(items);
  const problems: ProgrammeProblem[] = [];
  for (const item of sorted) problems.push(...ownProblems(item, day));
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length && sorted[j].startsAt.getTime() < sorted[i].endsAt.getTime(); j++) {
      const clash = pairClash(sorted[j], sorted[i]);
      if (clash) problems.push(clash);
    }
  }
  return problems;
}

/** Moves every item starting at or after `after` by `minutes`; the others stay. */
export function shiftItems<T extends PlannedItem>(items: T[], after: Date, minutes: number): T[] {
  const delta = minutes * MINUTE;
  return items.map((item) =>
    item.startsAt.getTime() >= after.getTime()
      ? { ...item, startsAt: new Date(item.startsAt.getTime() + delta), endsAt: new Date(item.endsAt.getTime() + delta) }
      : item,
  );
}

type Sortable = { startsAt: Date; endsAt: Date; id?: string; room?: string | null; title?: string };

/** Time order; items at the same time by room (plenary first), then title, so parallel rooms keep a stable order. */
export function byStart<T extends Sortable>(items: T[]): T[] {
  return [...items].sort(
    (a, b) =>
      a.startsAt.getTime() - b.startsAt.getTime() ||
      a.endsAt.getTime() - b.endsAt.getTime() ||
      (a.room ?? '').localeCompare(b.room ?? '', 'sv', { numeric: true }) ||
      (a.title ?? '').localeCompare(b.title ?? '', 'sv') ||
      String(a.id ?? '').localeCompare(String(b.id ?? '')),
  );
}

export interface Slot<T> {
  startsAt: Date;
  endsAt: Date;
  items: T[];
}

/** Groups items in time order so that items running in parallel (overlapping, directly or in a chain) share one slot. */
export function groupIntoSlots<T extends Sortable>(items: T[]): Slot<T>[] {
  const slots: Slot<T>[] = [];
  for (const item of byStart(items)) {
    const current = slots[slots.length - 1];
    if (current && item.startsAt.getTime() < current.endsAt.getTime()) {
      current.items.push(item);
      if (item.endsAt.getTime() > current.endsAt.getTime()) current.endsAt = item.endsAt;
    } else {
      slots.push({ startsAt: item.startsAt, endsAt: item.endsAt, items: [item] });
    }
  }
  return slots;
}

/** A sentence for people that names the clashing item by title and time. */
export function describeProblem(
  problem: ProgrammeProblem,
  clock: (date: Date) => string,
  speakerName: (id: string) => string = (id) => id,
): string {
  const named = (item: PlannedItem) => `"${item.title}" (${clock(item.startsAt)}–${clock(item.endsAt)})`;
  switch (problem.reason) {
    case 'ends_before_start':
      return 'endsAt must be after startsAt.';
    case 'outside_hours':
      return `${named(problem.item)} must lie within the conference's hours.`;
    case 'room':
      return `The room "${problem.other.room}" is already taken by ${named(problem.other)}.`;
    case 'speaker':
      return `${speakerName(problem.speakerId)} is already in ${named(problem.other)} at that time.`;
    case 'plenary':
      return `It overlaps ${named(problem.other)}; an item without a room is for everyone and cannot run in parallel.`;
    case 'not_parallel':
      return `It overlaps ${named(problem.other)}; only workshops and group work may run in parallel (in different rooms).`;
  }
}

/** The field a problem is best shown next to in a form. */
export function problemField(problem: ProgrammeProblem): string {
  switch (problem.reason) {
    case 'ends_before_start':
      return 'endsAt';
    case 'room':
      return 'room';
    case 'speaker':
      return 'speakers';
    default:
      return 'startsAt';
  }
}

/**
 * What the programme does when the conference's hours change: a day moved as a
 * whole (start and end by the same amount, e.g. to another date) takes its items
 * along; otherwise the items stay put and those outside the new hours are named.
 */
export function rescheduleItems<T extends PlannedItem>(
  items: T[],
  before: DayHours,
  after: DayHours,
): { items: T[]; outside: T[] } {
  const startDelta = after.startsAt.getTime() - before.startsAt.getTime();
  const endDelta = after.endsAt.getTime() - before.endsAt.getTime();
  if (startDelta === endDelta) {
    const moved = items.map((item) => ({
      ...item,
      startsAt: new Date(item.startsAt.getTime() + startDelta),
      endsAt: new Date(item.endsAt.getTime() + startDelta),
    }));
    return { items: moved, outside: [] };
  }
  return { items, outside: items.filter((item) => ownProblems(item, after).some((p) => p.reason === 'outside_hours')) };
}
