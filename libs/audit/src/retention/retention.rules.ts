const DAY_MS = 86_400_000;

/** Entries recorded before this moment are past the retention period and due for the purge. */
export function retentionCutoff(now: Date, retentionDays: number): Date {
  return new Date(now.getTime() - retentionDays * DAY_MS);
}
