/** What changed among the seat holders since the assignment last ran. */
export interface RunSnapshotEntry {
  id: string;
  preferences: readonly string[];
}

export interface KnownRegistration {
  id: string;
  status: string;
  transferredFromId: string | null;
  workshopPreferences: readonly string[];
}

export interface ChangesSinceRun {
  /** Seat holders the run did not know (new registrations, people off the waiting list). */
  added: string[];
  /** People the run placed who no longer hold a seat (cancelled). */
  left: string[];
  /** Seats handed to a colleague: the colleague keeps the workshop. */
  transferred: { from: string; to: string }[];
  /** Seat holders whose ranked choices differ from those the run used. */
  preferencesChanged: string[];
}

/**
 * Compares the run's snapshot with the registrations now. A transfer chain
 * (A to B, then B to C) is followed back to the person the run knew.
 */
export function changesSinceRun(snapshot: readonly RunSnapshotEntry[], registrations: readonly KnownRegistration[]): ChangesSinceRun {
  const before = new Map(snapshot.map((s) => [s.id, s]));
  const byId = new Map(registrations.map((r) => [r.id, r]));
  const seatHolders = registrations.filter((r) => r.status === 'confirmed');
  const changes: ChangesSinceRun = { added: [], left: [], transferred: [], preferencesChanged: [] };
  const handedOn = new Set<string>();
  for (const r of seatHolders) {
    const known = before.get(r.id);
    if (known) {
      if (!sameList(known.preferences, r.workshopPreferences)) changes.preferencesChanged.push(r.id);
      continue;
    }
    const origin = originInSnapshot(r, byId, before);
    if (origin) {
      changes.transferred.push({ from: origin, to: r.id });
      handedOn.add(origin);
    } else changes.added.push(r.id);
  }
  const holding = new Set(seatHolders.map((r) => r.id));
  for (const s of snapshot) if (!holding.has(s.id) && !handedOn.has(s.id)) changes.left.push(s.id);
  return changes;
}

function originInSnapshot(r: KnownRegistration, byId: Map<string, KnownRegistration>, before: Map<string, RunSnapshotEntry>): string | null {
  const visited = new Set<string>();
  let from = r.transferredFromId;
  while (from && !visited.has(from)) {
    if (before.has(from)) return from;
    visited.add(from);
    from = byId.get(from)?.transferredFromId ?? null;
  }
  return null;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
