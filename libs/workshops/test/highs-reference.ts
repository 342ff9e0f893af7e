/**
 * The exact reference for the assignment, for tests and benchmarks only: the
 * same instance as an integer program solved by HiGHS (WebAssembly), the
 * lexicographic objective in four stages (most people with a choice, then
 * first, second and third choices, each stage keeping the optimum of the ones
 * before). Variables count people of one kind going to a workshop in a round:
 * one person each, or, with `aggregate`, all people with the same choices and
 * free rounds together (exact too: such a count matrix splits into one
 * schedule per person by König's theorem), which is the fastest form HiGHS
 * gets.
 */
import { AssignmentInstance, MAX_CHOICES, Objective } from '../src/algorithm/assignment.types';
import { choiceGroups, choicesIn } from '../src/algorithm/choice-groups';

type Highs = { solve(problem: string, options?: Record<string, unknown>): { Status: string; ObjectiveValue: number } };
let loaded: Promise<Highs> | undefined;

export function highs(): Promise<Highs> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= (require('highs') as () => Promise<Highs>)();
  return loaded;
}

interface Variable {
  name: string;
  kind: number;
  workshop: string;
  round: string;
  rank: number;
  upper: number;
}

export async function referenceObjective(instance: AssignmentInstance, options: { aggregate: boolean }): Promise<Objective> {
  const solver = await highs();
  const rounds = [...new Set(instance.rounds)];
  const groups = choiceGroups(rounds, instance.workshops);
  const runsIn = new Set(instance.workshops.flatMap((w) => w.rounds.map((r) => `${w.id}@${r}`)));
  const seats = new Map(instance.workshops.flatMap((w) => w.rounds.map((r) => [`${w.id}@${r}`, w.capacity] as [string, number])));
  const objective: Objective = { noneOfTheirChoices: 0, firstChoice: 0, secondChoice: 0, thirdChoice: 0 };
  const kinds = new Map<string, { count: number; choices: [string, number][]; free: string[] }>();

  for (const person of instance.participants) {
    const locks = instance.locked.filter((l) => l.participantId === person.id && runsIn.has(`${l.workshopId}@${l.round}`));
    for (const lock of locks) seats.set(`${lock.workshopId}@${lock.round}`, (seats.get(`${lock.workshopId}@${lock.round}`) ?? 0) - 1);
    for (const group of groups) {
      const choices = choicesIn(group, person.preferences);
      if (choices.length === 0) continue;
      objective.noneOfTheirChoices += group.rounds.length;
      const held = locks.filter((l) => group.rounds.includes(l.round));
      for (const lock of held) {
        const rank = choices.indexOf(lock.workshopId) + 1;
        if (rank === 0) continue;
        add(objective, rank, 1);
        objective.noneOfTheirChoices--;
      }
      const open = choices.map((w, i): [string, number] => [w, i + 1]).filter(([w]) => !held.some((l) => l.workshopId === w));
      const free = group.rounds.filter((r) => !held.some((l) => l.round === r));
      const key = options.aggregate ? JSON.stringify([open, free]) : `${person.id}/${group.rounds.join()}`;
      const kind = kinds.get(key) ?? { count: 0, choices: open, free };
      kind.count++;
      kinds.set(key, kind);
    }
  }

  const variables: Variable[] = [];
  [...kinds.values()].forEach((kind, k) => {
    for (const [workshop, rank] of kind.choices)
      for (const round of kind.free)
        if (runsIn.has(`${workshop}@${round}`))
          variables.push({ name: `x${variables.length}`, kind: k, workshop, round, rank, upper: kind.count });
  });
  const counts = [...kinds.values()].map((k) => k.count);
  const rows: string[] = [];
  const constrain = (label: string, vars: Variable[], limit: number) => {
    if (vars.length > 0) rows.push(` ${label}: ${vars.map((v) => v.name).join(' + ')} <= ${limit}`);
  };
  groupBy(variables, (v) => `${v.kind}|${v.round}`).forEach((vs) => constrain(`r${rows.length}`, vs, counts[vs[0].kind]));
  groupBy(variables, (v) => `${v.kind}|${v.workshop}`).forEach((vs) => constrain(`r${rows.length}`, vs, counts[vs[0].kind]));
  groupBy(variables, (v) => `${v.workshop}@${v.round}`).forEach((vs) => constrain(`r${rows.length}`, vs, Math.max(0, seats.get(`${vs[0].workshop}@${vs[0].round}`) ?? 0)));

  const stages: ((v: Variable) => boolean)[] = [() => true, ...Array.from({ length: MAX_CHOICES }, (_, i) => (v: Variable) => v.rank === i + 1)];
  const optimum: number[] = [];
  for (const [s, inStage] of stages.entries()) {
    const terms = variables.filter(inStage).map((v) => v.name);
    let value = 0;
    if (terms.length > 0) {
      const fixed = optimum.map((o, i) => ` f${i}: ${variables.filter(stages[i]).map((v) => v.name).join(' + ')} >= ${o}`);
      const lp = [
        'Maximize',
        ` obj: ${terms.join(' + ')}`,
        'Subject To',
        ...rows,
        ...fixed.filter((_, i) => variables.some(stages[i])),
        'Bounds',
        ...variables.map((v) => ` 0 <= ${v.name} <= ${v.upper}`),
        'General',
        ` ${variables.map((v) => v.name).join(' ')}`,
        'End',
      ].join('\n');
      const solution = solver.solve(lp, { output_flag: false, mip_rel_gap: 0 });
      if (solution.Status !== 'Optimal') throw new Error(`HiGHS stage ${s}: ${solution.Status}`);
      value = Math.round(solution.ObjectiveValue);
    }
    optimum.push(value);
  }
  objective.noneOfTheirChoices -= optimum[0];
  add(objective, 1, optimum[1]);
  add(objective, 2, optimum[2]);
  add(objective, 3, optimum[3]);
  return objective;
}

function add(objective: Objective, rank: number, amount: number): void {
  if (rank === 1) objective.firstChoice += amount;
  else if (rank === 2) objective.secondChoice += amount;
  else if (rank === 3) objective.thirdChoice += amount;
}

function groupBy<T>(items: T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.values()];
}
