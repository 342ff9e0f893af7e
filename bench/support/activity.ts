import { Client } from 'pg';
import { BENCH_APPLICATION_NAME } from './postgres';
import { round } from './stats';

/** What the app's PostgreSQL connections do, on average, sampled from pg_stat_activity. */
export interface ActivitySummary {
  samples: number;
  /** Mean number of connections in each state (Little's law: state time × rate). */
  meanConnections: Record<string, number>;
  maxOpenConnections: number;
}

function category(row: { state: string | null; wait_event_type: string | null; wait_event: string | null }): string {
  if (row.state === 'idle') return 'idle in the pool';
  if (row.state === 'idle in transaction') return 'idle in transaction (waiting for the app)';
  if (row.wait_event_type === 'Lock') return 'waiting for a row lock';
  if (row.wait_event && /^wal/i.test(row.wait_event)) return 'flushing WAL (commit)';
  return 'executing a statement';
}

/** Samples every `intervalMs` until `stop()`; only client backends of the bench database, the bench's own excluded. */
export async function sampleActivity(databaseUrl: string, intervalMs = 10): Promise<{ stop(): Promise<ActivitySummary> }> {
  const client = new Client({ connectionString: databaseUrl, application_name: BENCH_APPLICATION_NAME });
  client.on('error', () => undefined);
  await client.connect();
  const totals = new Map<string, number>();
  let samples = 0;
  let maxOpen = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rows } = await client.query(
        `SELECT state, wait_event_type, wait_event FROM pg_stat_activity
         WHERE datname = current_database() AND backend_type = 'client backend' AND application_name <> $1`,
        [BENCH_APPLICATION_NAME],
      );
      samples++;
      maxOpen = Math.max(maxOpen, rows.length);
      for (const row of rows) totals.set(category(row), (totals.get(category(row)) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      await client.end();
      return {
        samples,
        meanConnections: Object.fromEntries([...totals.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, round(v / Math.max(1, samples))])),
        maxOpenConnections: maxOpen,
      };
    },
  };
}
