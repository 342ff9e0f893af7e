import { execSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

let ticksPerSecond: number | null = null;
function clockTicks(): number {
  if (ticksPerSecond === null) {
    try {
      ticksPerSecond = Number(execSync('getconf CLK_TCK', { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** [ppid, user + system CPU ms] of a process (all its threads) from /proc (Linux); null when gone. */
function stat(pid: number): [number, number] | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return [Number(fields[1]), ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks()];
  } catch {
    return null;
  }
}

/** CPU ms a process has used so far. */
export function processCpuMs(pid: number): number {
  return stat(pid)?.[1] ?? 0;
}

/** CPU ms used so far by a process and its live children (PostgreSQL: the postmaster and its backends). */
export function processTreeCpuMs(pid: number): number {
  let total = processCpuMs(pid);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const s = stat(Number(entry));
    if (s && s[0] === pid) total += s[1];
  }
  return total;
}

export interface CpuUse {
  /** CPU ms of the app instances together. */
  app: number;
  /** CPU ms of PostgreSQL (postmaster and backends). */
  postgres: number;
  /** CPU ms of this process: the load generator (autocannon or the raw clients). */
  loadGenerator: number;
}

/** Starts counting CPU time; the returned function gives what each side used since. */
export function cpuMeter(appPids: number[], postmasterPid: number): () => CpuUse {
  const appCpu = () => appPids.reduce((sum, pid) => sum + processCpuMs(pid), 0);
  const before = { app: appCpu(), postgres: processTreeCpuMs(postmasterPid), bench: process.cpuUsage() };
  return () => {
    const bench = process.cpuUsage(before.bench);
    return {
      app: appCpu() - before.app,
      postgres: processTreeCpuMs(postmasterPid) - before.postgres,
      loadGenerator: (bench.user + bench.system) / 1000,
    };
  };
}
