import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '@dialogdag/database';

/** Where the embedded PostgreSQL of DATA_DIR keeps its cluster (elsewhere when run as root from a private folder). */
export function clusterDirOf(dataDir: string): string {
  const moved = join(dataDir, 'postgres-location.txt');
  return existsSync(moved) ? readFileSync(moved, 'utf8').trim() : join(dataDir, 'postgres');
}

/** PostgreSQL processes serving that cluster. */
export function postgresProcessesOf(dataDir: string): string[] {
  const cluster = clusterDirOf(dataDir);
  return execFileSync('ps', ['-eo', 'pid,args']).toString().split('\n').filter((line) => line.includes(`-D ${cluster}`));
}

/** Which of these e-mail addresses have a registration in the cluster of DATA_DIR, read with the app stopped. */
export async function registeredAmong(dataDir: string, emails: string[]): Promise<Set<string>> {
  const { Client } = await import('pg');
  const running = await startEmbeddedPostgres({ dataDir });
  try {
    const client = new Client({ connectionString: running.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ email: string }>('SELECT email FROM registration WHERE email = ANY($1)', [emails]);
      return new Set(rows.map((r) => r.email));
    } finally {
      await client.end();
    }
  } finally {
    await running.stop();
  }
}

export function removeDataDir(dataDir: string): void {
  const cluster = clusterDirOf(dataDir);
  if (!cluster.startsWith(dataDir)) rmSync(cluster, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
}
