import fc from 'fast-check';
import {
  candidateProblems,
  DayHours,
  describeProblem,
  groupIntoSlots,
  overlaps,
  pairClash,
  PARALLEL_KINDS,
  PlannedItem,
  PROGRAMME_KINDS,
  programmeProblems,
  rescheduleItems,
  shiftItems,
} from './programme.rules';

const at = (hhmm: string) => new Date(`2030-10-20T${hhmm}:00+02:00`);
const DAY: DayHours = { startsAt: at('09:00'), endsAt: at('16:00') };
const DAY_MINUTES = 7 * 60;

const item = (o: Partial<PlannedItem> & { startsAt: Date; endsAt: Date }): PlannedItem => ({
  id: o.id ?? `${o.title ?? 'x'}-${o.startsAt.toISOString()}`,
  title: o.title ?? 'Item',
  kind: o.kind ?? 'talk',
  room: o.room ?? null,
  speakerIds: o.speakerIds ?? [],
  ...o,
});

const clock = (d: Date) => d.toISOString().slice(11, 16);

describe('programme rules', () => {
  it('lets workshops run in parallel in different rooms', () => {
    const a = item({ id: 'a', kind: 'workshop', room: 'Sal A', startsAt: at('13:00'), endsAt: at('14:30') });
    const b = item({ id: 'b', kind: 'workshop', room: 'Sal B', startsAt: at('13:00'), endsAt: at('14:30') });
    expect(programmeProblems([a, b], DAY)).toEqual([]);
  });

  it('refuses the same room, the same speaker, plenary overlaps and parallel talks', () => {
    const a = item({ id: 'a', kind: 'workshop', room: 'Sal A', startsAt: at('13:00'), endsAt: at('14:30'), speakerIds: ['s1'] });
    expect(pairClash(item({ id: 'b', kind: 'workshop', room: ' sal  a ', startsAt: at('14:00'), endsAt: at('15:00') }), a)?.reason).toBe('room');
    expect(pairClash(item({ id: 'c', kind: 'workshop', room: 'Sal B', startsAt: at('14:00'), endsAt: at('15:00'), speakerIds: ['s1'] }), a)?.reason).toBe('speaker');
    expect(pairClash(item({ id: 'd', kind: 'lunch', startsAt: at('14:00'), endsAt: at('15:00') }), a)?.reason).toBe('plenary');
    expect(pairClash(item({ id: 'e', kind: 'talk', room: 'Sal B', startsAt: at('14:00'), endsAt: at('15:00') }), a)?.reason).toBe('not_parallel');
    expect(pairClash(item({ id: 'f', kind: 'talk', startsAt: at('14:30'), endsAt: at('15:00') }), a)).toBeNull();
  });

  it('keeps items within the day and after their start', () => {
    expect(candidateProblems(item({ startsAt: at('08:30'), endsAt: at('09:30') }), [], DAY)[0].reason).toBe('outside_hours');
    expect(candidateProblems(item({ startsAt: at('10:00'), endsAt: at('10:00') }), [], DAY)[0].reason).toBe('ends_before_start');
  });

  it('names the clashing item with title and time', () => {
    const panel = item({ id: 'p', title: 'Panelsamtal', startsAt: at('10:00'), endsAt: at('11:00'), room: 'Stora salen' });
    const [problem] = candidateProblems(item({ id: 'n', startsAt: at('10:30'), endsAt: at('11:30'), room: 'Stora salen' }), [panel], DAY);
    expect(describeProblem(problem, clock)).toContain('"Panelsamtal" (08:00–09:00)');
  });

  it('groups overlapping items into one slot', () => {
    const slots = groupIntoSlots([
      item({ id: 'w1', kind: 'workshop', room: 'A', startsAt: at('13:00'), endsAt: at('14:00') }),
      item({ id: 'l', startsAt: at('12:00'), endsAt: at('13:00') }),
      item({ id: 'w2', kind: 'workshop', room: 'B', startsAt: at('13:30'), endsAt: at('14:30') }),
    ]);
    expect(slots.map((s) => s.items.map((i) => i.id))).toEqual([['l'], ['w1', 'w2']]);
    expect(slots[1].endsAt).toEqual(at('14:30'));
  });

  // --- properties ---

  const arbItem = fc
    .record({
      start: fc.integer({ min: -60, max: DAY_MINUTES + 60 }),
      length: fc.integer({ min: -10, max: 180 }),
      kind: fc.constantFrom(...PROGRAMME_KINDS),
      room: fc.constantFrom(null, 'A', 'B', 'C', 'a '),
      speakerIds: fc.subarray(['s1', 's2', 's3', 's4']),
    })
    .map(({ start, length, ...rest }) => ({
      ...rest,
      startsAt: new Date(DAY.startsAt.getTime() + start * 60_000),
      endsAt: new Date(DAY.startsAt.getTime() + (start + length) * 60_000),
    }));
  const arbItems = fc.array(arbItem, { maxLength: 25 }).map((xs) => xs.map((x, i) => ({ ...x, id: `i${i}`, title: `Item ${i}` }) as PlannedItem));

  /** Adds items one by one as the service does, keeping those the rules accept. */
  const accept = (candidates: PlannedItem[]) =>
    candidates.reduce<PlannedItem[]>((kept, c) => (candidateProblems(c, kept, DAY).length === 0 ? [...kept, c] : kept), []);

  it('after any sequence of accepted inserts, no room or speaker pair overlaps and all lie within the day', () => {
    fc.assert(
      fc.property(arbItems, (candidates) => {
        const kept = accept(candidates);
        expect(programmeProblems(kept, DAY)).toEqual([]);
        for (const a of kept) {
          expect(a.startsAt >= DAY.startsAt && a.endsAt <= DAY.endsAt && a.endsAt > a.startsAt).toBe(true);
          for (const b of kept) {
            if (a === b || !overlaps(a, b)) continue;
            expect(a.room?.trim().toLowerCase()).not.toBe(b.room?.trim().toLowerCase() ?? '\u0000');
            expect(a.speakerIds.filter((s) => b.speakerIds.includes(s))).toEqual([]);
            expect(a.room !== null && b.room !== null && PARALLEL_KINDS.includes(a.kind) && PARALLEL_KINDS.includes(b.kind)).toBe(true);
          }
        }
      }),
    );
  });

  it('shifting by N and then by -N gives the programme back', () => {
    fc.assert(
      fc.property(arbItems, fc.integer({ min: 0, max: DAY_MINUTES }), fc.integer({ min: -600, max: 600 }), (items, afterMinute, n) => {
        const after = new Date(DAY.startsAt.getTime() + afterMinute * 60_000);
        const shifted = shiftItems(items, after, n);
        // The moved items now start at or after `after + n`: shifting from there by -n moves exactly them back,
        // unless (n < 0) an unmoved item already started in [after + n, after).
        const boundary = new Date(after.getTime() + n * 60_000);
        const back = shiftItems(shifted, boundary, -n);
        const ambiguous = items.some((i) => i.startsAt < after && i.startsAt >= boundary);
        if (!ambiguous) expect(back).toEqual(items);
      }),
    );
  });

  it('a shift keeps the relative order of the moved items and their durations', () => {
    fc.assert(
      fc.property(arbItems, fc.integer({ min: 0, max: DAY_MINUTES }), fc.integer({ min: -120, max: 120 }), (items, afterMinute, n) => {
        const after = new Date(DAY.startsAt.getTime() + afterMinute * 60_000);
        const shifted = shiftItems(items, after, n);
        const moved = items.filter((i) => i.startsAt >= after);
        const movedAfter = shifted.filter((s) => moved.some((m) => m.id === s.id));
        const order = (xs: PlannedItem[]) => [...xs].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id)).map((x) => x.id);
        expect(order(movedAfter)).toEqual(order(moved));
        shifted.forEach((s, i) => expect(s.endsAt.getTime() - s.startsAt.getTime()).toBe(items[i].endsAt.getTime() - items[i].startsAt.getTime()));
      }),
    );
  });

  it('a shift that pushes an item past the end of the day is refused', () => {
    fc.assert(
      fc.property(arbItems, fc.integer({ min: 0, max: DAY_MINUTES }), fc.integer({ min: 1, max: 600 }), (candidates, afterMinute, n) => {
        const kept = accept(candidates);
        const after = new Date(DAY.startsAt.getTime() + afterMinute * 60_000);
        const shifted = shiftItems(kept, after, n);
        const pastEnd = shifted.some((s) => s.endsAt > DAY.endsAt);
        if (pastEnd) expect(programmeProblems(shifted, DAY).some((p) => p.reason === 'outside_hours')).toBe(true);
        // A shift of everything keeps a valid programme valid when it stays inside the day.
        if (afterMinute === 0 && !pastEnd) expect(programmeProblems(shifted, DAY)).toEqual([]);
      }),
    );
  });

  it('slots partition the items, in time order, and never separate overlapping items', () => {
    fc.assert(
      fc.property(arbItems, (items) => {
        const valid = items.filter((i) => i.endsAt > i.startsAt);
        const slots = groupIntoSlots(valid);
        expect(slots.flatMap((s) => s.items).length).toBe(valid.length);
        for (let i = 1; i < slots.length; i++) expect(slots[i].startsAt.getTime()).toBeGreaterThanOrEqual(slots[i - 1].endsAt.getTime());
        for (const s of slots) for (const x of s.items) expect(x.startsAt >= s.startsAt && x.endsAt <= s.endsAt).toBe(true);
      }),
    );
  });
});

describe('rescheduleItems', () => {
  const items = [
    item({ id: 'a', startsAt: at('09:00'), endsAt: at('09:30') }),
    item({ id: 'b', startsAt: at('15:00'), endsAt: at('16:00') }),
  ];

  it('moves every item with a day that moves as a whole, keeping its place in the day', () => {
    fc.assert(
      fc.property(fc.integer({ min: -400 * 24 * 60, max: 400 * 24 * 60 }), (minutes) => {
        const delta = minutes * 60_000;
        const after = { startsAt: new Date(DAY.startsAt.getTime() + delta), endsAt: new Date(DAY.endsAt.getTime() + delta) };
        const { items: moved, outside } = rescheduleItems(items, DAY, after);
        expect(outside).toEqual([]);
        moved.forEach((m, i) => {
          expect(m.startsAt.getTime() - after.startsAt.getTime()).toBe(items[i].startsAt.getTime() - DAY.startsAt.getTime());
          expect(m.endsAt.getTime() - m.startsAt.getTime()).toBe(items[i].endsAt.getTime() - items[i].startsAt.getTime());
        });
      }),
    );
  });

  it('names the items a shorter day would leave outside, and moves nothing', () => {
    const { items: kept, outside } = rescheduleItems(items, DAY, { startsAt: at('09:00'), endsAt: at('15:30') });
    expect(kept).toBe(items);
    expect(outside.map((o) => o.id)).toEqual(['b']);
  });
});
