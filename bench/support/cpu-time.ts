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

/** From /proc/<pid>/stat (Linux): parent pid, own user + system CPU ms (all threads), and that of its exited, reaped children. */
function stat(pid: number): { ppid: number; own: number; exitedChildren: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const ms = (ticks: string) => (Number(ticks) * 1000) / clockTicks();
    return { ppid: Number(fields[1]), own: ms(fields[11]) + ms(fields[12]), exitedChildren: ms(fields[13]) + ms(fields[14]) };
  } catch {
    return null;
  }
}

/** CPU ms a process has used so far. */
export function processCpuMs(pid: number): number {
  return stat(pid)?.own ?? 0;
}

/**
 * CPU ms used so far by a process and all its children, live or exited (PostgreSQL: the
 * postmaster, its backends and background processes; the postmaster reaps exited backends).
 */
export function processTreeCpuMs(pid: number): number {
  const parent = stat(pid);
  if (!parent) return 0;
  let total = parent.own + parent.exitedChildren;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const child = stat(Number(entry));
    if (child && child.ppid === pid) total += child.own;
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
