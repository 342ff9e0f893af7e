import { readFileSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The app runs its embedded PostgreSQL in a process group and session of its own, so that Ctrl-C in a
 * terminal reaches only the app, which stops the server once the requests in flight are answered. An app that
 * exits in any ordinary way (a signal it handles, an error, process.exit) stops the server itself; an
 * app killed outright (SIGKILL, the OOM killer) cannot, and leaves the server holding the cluster. This
 * record lets the next start in the same DATA_DIR recognise that server as left behind and stop it.
 */
interface OwnerRecord {
  app: number;
  postgres: number;
}

const OWNER_FILE = 'postgres-owner.json';

export async function recordOwner(dataDir: string, postgresPid: number): Promise<void> {
  const record: OwnerRecord = { app: process.pid, postgres: postgresPid };
  await writeFile(join(dataDir, OWNER_FILE), JSON.stringify(record));
}

export async function forgetOwner(dataDir: string): Promise<void> {
  await rm(join(dataDir, OWNER_FILE), { force: true });
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user (the 'postgres' user, seen by a non-root app).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Stops a server that an app which no longer runs left holding this cluster. Only when the record names a
 * dead app and the cluster's own lock file names the same, living server: a server some running app still
 * uses is left alone (PostgreSQL then refuses to start a second one on the cluster, and says so).
 */
export async function stopLeftBehind(dataDir: string, clusterDir: string, notice: (sentence: string) => void): Promise<void> {
  const record = await readFile(join(dataDir, OWNER_FILE), 'utf8')
    .then((text) => JSON.parse(text) as OwnerRecord)
    .catch(() => null);
  if (!record || isAlive(record.app) || !isAlive(record.postgres)) return;
  if (lockedBy(clusterDir) !== record.postgres) return;
  notice(`Stopping the embedded PostgreSQL (pid ${record.postgres}) that an app which ended without stopping it left running.`);
  // Fast shutdown; if that does not end it, immediate shutdown (crash recovery at the next start, nothing committed is lost).
  for (const [signal, waitMs] of [['SIGINT', 30_000], ['SIGQUIT', 10_000]] as const) {
    process.kill(record.postgres, signal);
    const deadline = Date.now() + waitMs;
    while (isAlive(record.postgres) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    if (!isAlive(record.postgres)) break;
  }
  await forgetOwner(dataDir);
}

/** The postmaster's pid from the cluster's lock file (its first line), or null. */
function lockedBy(clusterDir: string): number | null {
  try {
    const pid = Number(readFileSync(join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}
