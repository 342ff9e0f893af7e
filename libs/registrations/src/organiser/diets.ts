/** Special diets for the caterer: spelled differently by different people, counted together. */

export interface DietEntry {
  name: string;
  diet: string | null;
}

export interface DietCount {
  diet: string;
  count: number;
  names?: string[];
}

export interface DietSummary {
  /** Seat-holders counted. */
  total: number;
  /** Of them, with a special diet. */
  withDiet: number;
  counts: DietCount[];
}

/** Trims and collapses inner white space; an empty diet is no diet. */
export function normaliseDiet(diet: string | null | undefined): string | null {
  if (typeof diet !== 'string') return null;
  const text = diet.replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

const groupKey = (diet: string) => diet.toLocaleLowerCase('sv');
const bySwedish = (a: string, b: string) => a.localeCompare(b, 'sv') || (a < b ? -1 : a > b ? 1 : 0);

/**
 * Groups case-insensitively and shows each group by its most common spelling (ties: the
 * first in Swedish order). Most frequent diets first. Names only when asked for.
 */
export function countDiets(entries: DietEntry[], withNames = false): DietSummary {
  const groups = new Map<string, { spellings: Map<string, number>; names: string[] }>();
  for (const entry of entries) {
    const diet = normaliseDiet(entry.diet);
    if (diet === null) continue;
    const key = groupKey(diet);
    const group = groups.get(key) ?? { spellings: new Map<string, number>(), names: [] };
    group.spellings.set(diet, (group.spellings.get(diet) ?? 0) + 1);
    group.names.push(entry.name);
    groups.set(key, group);
  }
  const counts: DietCount[] = [...groups.values()].map((group) => {
    const [display] = [...group.spellings.entries()].sort((a, b) => b[1] - a[1] || bySwedish(a[0], b[0]));
    const count = group.names.length;
    return withNames ? { diet: display[0], count, names: [...group.names].sort(bySwedish) } : { diet: display[0], count };
  });
  counts.sort((a, b) => b.count - a.count || bySwedish(a.diet, b.diet));
  return { total: entries.length, withDiet: counts.reduce((sum, c) => sum + c.count, 0), counts };
}
