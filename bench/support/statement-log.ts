import { readFileSync } from 'node:fs';
import { mean, percentile, round } from './stats';

/** One line of PostgreSQL's `log_min_duration_statement = 0` output (prefix `%m [%p] app=%a `). */
export interface LoggedStatement {
  /** Epoch ms when the statement finished (the log line's time stamp, ms resolution). */
  at: number;
  pid: number;
  durationMs: number;
  sql: string;
}

const LINE = /^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}) (\S+) \[(\d+)\] app=(\S*) LOG: {2}duration: ([\d.]+) ms {2}(statement|execute [^:]*): (.*)$/;

/**
 * Statements executed (simple `statement` and extended-protocol `execute`); parse and bind steps
 * are left out, and so are the statements of connections named `excludeApplication`.
 */
export function readStatementLog(file: string, excludeApplication: string): LoggedStatement[] {
  const statements: LoggedStatement[] = [];
  let last: LoggedStatement | null = null;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = LINE.exec(line);
    if (m) {
      last = { at: Date.parse(`${m[1].replace(' ', 'T')}Z`), pid: Number(m[3]), durationMs: Number(m[5]), sql: m[7] };
      if (m[4] !== excludeApplication) statements.push(last);
      else last = null;
    } else if (last && /^\s/.test(line)) {
      last.sql += ' ' + line.trim();
    } else {
      last = null;
    }
  }
  return statements;
}

/** The statement's shape: white space collapsed, TypeORM's quoting dropped, cut to a readable length. */
export function statementKind(sql: string): string {
  const text = sql.replace(/\s+/g, ' ').replace(/"/g, '').trim();
  return text.length > 90 ? `${text.slice(0, 87)}…` : text;
}

const isBegin = (sql: string) => /^(START TRANSACTION|BEGIN)/i.test(sql.trim());
const isCommit = (sql: string) => /^(COMMIT|ROLLBACK)/i.test(sql.trim());
const isSeatUpdate = (sql: string) => /UPDATE\s+"?conference"?\s+SET\s+"?seats_held"?\s*=\s*"?seats_held"?\s*\+\s*1/i.test(sql);
/** The batch path's lock: the conference row read FOR NO KEY UPDATE (ConferencesService.lockSeatsForBatch). */
const isBatchLock = (sql: string) => /FOR NO KEY UPDATE/i.test(sql) && /FROM\s+"?conference"?/i.test(sql);
/** Where a transaction takes the conference row lock: the one-at-a-time seat UPDATE, or the batch's lock. */
const takesSeatLock = (sql: string) => isSeatUpdate(sql) || isBatchLock(sql);

export interface StatementAnalysis {
  statements: number;
  perRegistration: number;
  /** Executions per registration by statement shape, most frequent first. */
  byKind: Array<{ kind: string; perRegistration: number; meanMs: number; p99Ms: number; inTransaction: boolean }>;
  transactions: number;
  /** The conference row is locked from the seat UPDATE (or the batch's lock statement) to the end of COMMIT. */
  lock: {
    holds: number;
    /** Registrations written per hold: 1 one at a time, the batch size with group commit. */
    registrationsPerHold: number;
    holdMeanMs: number;
    holdP50Ms: number;
    holdP99Ms: number;
    /** Server time of the statements after the lock statement, COMMIT (the WAL flush) excluded. */
    statementsInLockMeanMs: number;
    commitMeanMs: number;
    /** Hold time not spent executing in PostgreSQL: round trips and the app's own work between statements. */
    appAndNetworkInLockMeanMs: number;
    /** The lock statement's duration: almost all of it is waiting for the previous holder's COMMIT. */
    waitMeanMs: number;
    waitP99Ms: number;
    /** registrationsPerHold × 1000 / mean hold: registrations/s one conference can take at this batch size. */
    impliedCeilingPerSecond: number;
  };
  backends: number;
}

export function analyseStatements(statements: LoggedStatement[], registrations: number): StatementAnalysis {
  const kinds = new Map<string, { durations: number[]; inTransaction: boolean }>();
  const holds: number[] = [];
  const inLock: number[] = [];
  const commits: number[] = [];
  const waits: number[] = [];
  let transactions = 0;
  const byPid = new Map<number, LoggedStatement[]>();
  for (const s of statements) byPid.set(s.pid, [...(byPid.get(s.pid) ?? []), s]);

  for (const list of byPid.values()) {
    let inTransaction = false;
    let lockedAt: number | null = null;
    let serverInLock = 0;
    for (const s of list) {
      if (isBegin(s.sql)) {
        inTransaction = true;
        transactions++;
      }
      const kind = statementKind(s.sql);
      const entry = kinds.get(kind) ?? { durations: [], inTransaction };
      entry.durations.push(s.durationMs);
      kinds.set(kind, entry);
      if (takesSeatLock(s.sql) && lockedAt === null) {
        lockedAt = s.at;
        serverInLock = 0;
        waits.push(s.durationMs);
      } else if (isCommit(s.sql)) {
        if (lockedAt !== null) {
          const hold = Math.max(s.at - lockedAt, s.durationMs + serverInLock);
          holds.push(hold);
          inLock.push(serverInLock);
          commits.push(s.durationMs);
        }
        inTransaction = false;
        lockedAt = null;
      } else if (lockedAt !== null) {
        serverInLock += s.durationMs;
      }
    }
  }
  holds.sort((a, b) => a - b);
  waits.sort((a, b) => a - b);
  const holdMean = mean(holds);
  const perHold = holds.length > 0 ? registrations / holds.length : 0;
  return {
    statements: statements.length,
    perRegistration: round(statements.length / registrations),
    byKind: [...kinds.entries()]
      .map(([kind, { durations, inTransaction }]) => ({
        kind,
        perRegistration: round(durations.length / registrations),
        meanMs: round(mean(durations)),
        p99Ms: round(percentile([...durations].sort((a, b) => a - b), 0.99)),
        inTransaction,
      }))
      .sort((a, b) => b.perRegistration - a.perRegistration),
    transactions,
    lock: {
      holds: holds.length,
      registrationsPerHold: round(perHold),
      holdMeanMs: round(holdMean),
      holdP50Ms: round(percentile(holds, 0.5)),
      holdP99Ms: round(percentile(holds, 0.99)),
      statementsInLockMeanMs: round(mean(inLock)),
      commitMeanMs: round(mean(commits)),
      appAndNetworkInLockMeanMs: round(holdMean - mean(inLock) - mean(commits)),
      waitMeanMs: round(mean(waits)),
      waitP99Ms: round(percentile(waits, 0.99)),
      impliedCeilingPerSecond: round(holdMean > 0 ? (perHold * 1000) / holdMean : 0),
    },
    backends: byPid.size,
  };
}
