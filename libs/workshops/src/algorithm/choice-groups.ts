import { InstanceWorkshop, MAX_CHOICES } from './assignment.types';

/**
 * A choice round: the rounds a participant chooses for together. Usually one
 * round; a workshop repeated in several rounds ties them into one choice
 * round, where a person ranks workshops once and attends up to one per round,
 * never the same workshop twice.
 */
export interface ChoiceGroup {
  rounds: string[];
  workshops: InstanceWorkshop[];
}

/** Splits rounds into choice groups, in the order of their first round. */
export function choiceGroups(rounds: readonly string[], workshops: readonly InstanceWorkshop[]): ChoiceGroup[] {
  const position = new Map(rounds.map((r, i) => [r, i]));
  const parent = rounds.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (const w of workshops) {
    const indices = w.rounds.map((r) => position.get(r)).filter((i): i is number => i !== undefined);
    for (const i of indices.slice(1)) {
      const [a, b] = [find(indices[0]), find(i)];
      parent[Math.max(a, b)] = Math.min(a, b);
    }
  }
  const groups = new Map<number, ChoiceGroup>();
  rounds.forEach((r, i) => {
    const root = find(i);
    const group = groups.get(root) ?? { rounds: [], workshops: [] };
    group.rounds.push(r);
    groups.set(root, group);
  });
  for (const w of workshops) {
    const first = w.rounds.map((r) => position.get(r)).find((i) => i !== undefined);
    if (first !== undefined) groups.get(find(first))?.workshops.push(w);
  }
  return [...groups.values()].filter((g) => g.workshops.length > 0);
}

/**
 * A person's ranked choices per group, from one list of workshop ids in rank
 * order: each group's workshops only, first mention only, at most three per
 * group. `groupOf` says which group a workshop id belongs to (undefined: none).
 */
export function rankChoices(preferences: readonly string[], groupOf: (id: string) => number | undefined, groupCount: number): string[][] {
  const choices = Array.from({ length: groupCount }, (): string[] => []);
  for (const id of preferences) {
    const g = groupOf(id);
    if (g === undefined || choices[g].length === MAX_CHOICES || choices[g].includes(id)) continue;
    choices[g].push(id);
  }
  return choices;
}

/** A person's ranked choices within one group. */
export function choicesIn(group: ChoiceGroup, preferences: readonly string[]): string[] {
  const ids = new Set(group.workshops.map((w) => w.id));
  return rankChoices(preferences, (id) => (ids.has(id) ? 0 : undefined), 1)[0];
}
