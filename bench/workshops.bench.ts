/**
 * Workshop assignment benchmark (`npm run bench:workshops`, not part of `npm test`):
 * Dialogdag's exact flow against HiGHS solving the same instance as a
 * lexicographic integer program, on skewed popularity, one round and three
 * (every workshop repeated in each round). Prints a table and writes
 * bench/results/workshops.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { assignWorkshops } from '../libs/workshops/src/algorithm/assign';
import { AssignmentInstance, Objective } from '../libs/workshops/src/algorithm/assignment.types';
import { objectiveOf } from '../libs/workshops/src/algorithm/metrics';
import { highs, referenceObjective } from '../libs/workshops/test/highs-reference';
import { REPO_ROOT } from './support/app';
import { seededRandom } from '../libs/workshops/test/random';

const SIZES = [
  { participants: 200, workshops: 7 },
  { participants: 1000, workshops: 10 },
  { participants: 5000, workshops: 10 },
];
const ROUNDS = [1, 3];
const REPEATS = 7;
const HIGHS_REPEATS = 3;
const PARTIES = ['civil_society', 'local_regional', 'state', 'other'];

/**
 * Zipf-like popularity (weight 1/(i+1)), three distinct ranked choices each
 * (5% without preferences), seats 5% above the number of people in every
 * round, spread evenly: the popular workshops are heavily oversubscribed.
 */
function instance(participants: number, workshops: number, roundCount: number, seed: number): AssignmentInstance {
  const next = seededRandom(seed);
  const rounds = Array.from({ length: roundCount }, (_, i) => `round-${i + 1}`);
  const capacity = Math.ceil((participants * 1.05) / workshops);
  const ids = Array.from({ length: workshops }, (_, i) => `w${String(i).padStart(2, '0')}`);
  const weight = ids.map((_, i) => 1 / (i + 1));
  const pick = (taken: string[]) => {
    const open = ids.filter((id) => !taken.includes(id));
    const total = open.reduce((s, id) => s + weight[ids.indexOf(id)], 0);
    let x = next() * total;
    for (const id of open) if ((x -= weight[ids.indexOf(id)]) <= 0) return id;
    return open[open.length - 1];
  };
  return {
    rounds,
    workshops: ids.map((id) => ({ id, rounds, capacity })),
    participants: Array.from({ length: participants }, (_, i) => {
      const preferences: string[] = [];
      if (next() >= 0.05) for (let k = 0; k < 3; k++) preferences.push(pick(preferences));
      return { id: `p${String(i).padStart(5, '0')}`, order: i, party: PARTIES[Math.floor(next() * PARTIES.length)], preferences };
    }),
    locked: [],
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const show = (o: Objective) => `${o.noneOfTheirChoices}/${o.firstChoice}/${o.secondChoice}/${o.thirdChoice}`;

async function main(): Promise<void> {
  await highs();
  const rows = [];
  for (const rounds of ROUNDS) {
    for (const size of SIZES) {
      const inst = instance(size.participants, size.workshops, rounds, size.participants * 31 + rounds);
      assignWorkshops(inst); // warm-up: the JIT, not the cache, is what the first run pays for
      const times: number[] = [];
      let result = assignWorkshops(inst);
      for (let i = 0; i < REPEATS; i++) {
        const start = process.hrtime.bigint();
        result = assignWorkshops(inst);
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
      const highsTimes: number[] = [];
      let reference = await referenceObjective(inst, { aggregate: true });
      for (let i = 0; i < HIGHS_REPEATS; i++) {
        const start = process.hrtime.bigint();
        reference = await referenceObjective(inst, { aggregate: true });
        highsTimes.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
      const ours = objectiveOf(result.metrics);
      const row = {
        participants: size.participants,
        workshops: size.workshops,
        rounds,
        dialogdagMs: Math.round(Math.min(...times) * 100) / 100,
        dialogdagMedianMs: Math.round(median(times) * 100) / 100,
        dialogdagObjective: ours,
        provedOptimal: result.metrics.optimal,
        highsMs: Math.round(Math.min(...highsTimes)),
        highsMedianMs: Math.round(median(highsTimes)),
        highsObjective: reference,
        sameObjective: show(ours) === show(reference),
        speedup: Math.round((Math.min(...highsTimes) / Math.min(...times)) * 10) / 10,
      };
      rows.push(row);
      console.log(
        `${`${size.participants}×${size.workshops}, ${rounds} round${rounds > 1 ? 's' : ''}`.padEnd(22)}` +
          ` dialogdag ${row.dialogdagMs.toFixed(1).padStart(6)} ms (median ${row.dialogdagMedianMs.toFixed(1).padStart(6)})  ${show(ours).padEnd(20)}` +
          ` HiGHS ${String(row.highsMs).padStart(5)} ms (median ${String(row.highsMedianMs).padStart(5)})  ${show(reference).padEnd(20)}` +
          ` ${row.sameObjective ? 'equal' : 'DIFFERENT'}  ${row.speedup}× faster`,
      );
    }
  }
  console.log('objective: none of their choices / first / second / third choices (person-rounds)');
  console.log(`times: best of ${REPEATS} runs (HiGHS: of ${HIGHS_REPEATS}, all four stages), after one warm-up each; the ratio compares the bests`);
  const out = join(REPO_ROOT, 'bench', 'results');
  mkdirSync(out, { recursive: true });
  const file = join(out, 'workshops.json');
  const big = rows.filter((r) => r.participants === 5000);
  const targetsMet = rows.every((r) => r.sameObjective && r.speedup >= 10) && big.every((r) => r.dialogdagMs < 200);
  const speedups = rows.map((r) => r.speedup);
  const summary =
    `${rows.filter((r) => r.sameObjective).length}/${rows.length} objectives equal to HiGHS, ${Math.min(...speedups)}–${Math.max(...speedups)}× faster; ` +
    `5,000×10 in ${big.map((r) => `${r.dialogdagMs} ms (${r.rounds} round${r.rounds > 1 ? 's' : ''})`).join(', ')}`;
  console.log(summary);
  writeFileSync(
    file,
    JSON.stringify(
      { benchmark: 'workshops', summary, targetsMet, node: process.version, cpu: cpus()[0]?.model, cores: cpus().length, repeats: REPEATS, highsRepeats: HIGHS_REPEATS, timing: 'best of repeats, ms', rows },
      null,
      2,
    ) + '\n',
  );
  console.log(`written ${file}`);
  if (!targetsMet) process.exitCode = 1;
}

void main();
