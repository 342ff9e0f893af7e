/** What a group's note-taker wrote down: one point per line in each field. */
export interface GroupNoteText {
  theme: string;
  groupName: string;
  obstacles: string;
  opportunities: string;
  proposals: string;
}

export interface ThemeOutcome {
  theme: string;
  groups: string[];
  obstacles: string[];
  opportunities: string[];
  proposals: string[];
}

export const MAX_NOTE_FIELD = 5000;

/** Lines of a note, without list marks; the same point written twice counts once. */
export function pointsOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(?:[-*•–]|\d+[.)])\s*/, '').trim())
    .filter(Boolean);
}

function addPoints(target: string[], seen: Set<string>, text: string): void {
  for (const point of pointsOf(text)) {
    const key = point.toLocaleLowerCase('sv').replace(/[\s.!]+$/g, '');
    if (seen.has(key)) continue;
    seen.add(key);
    target.push(point);
  }
}

/** The obstacles, opportunities and proposals per theme, as the consultation minutes list them per question. */
export function compileOutcomes(notes: readonly GroupNoteText[], untitledTheme: string): ThemeOutcome[] {
  const themes = new Map<string, { outcome: ThemeOutcome; seen: Record<'obstacles' | 'opportunities' | 'proposals', Set<string>> }>();
  for (const note of notes) {
    const theme = note.theme.trim() || untitledTheme;
    const key = theme.toLocaleLowerCase('sv');
    let entry = themes.get(key);
    if (!entry) {
      entry = { outcome: { theme, groups: [], obstacles: [], opportunities: [], proposals: [] }, seen: { obstacles: new Set(), opportunities: new Set(), proposals: new Set() } };
      themes.set(key, entry);
    }
    entry.outcome.groups.push(note.groupName);
    for (const field of ['obstacles', 'opportunities', 'proposals'] as const) addPoints(entry.outcome[field], entry.seen[field], note[field]);
  }
  return [...themes.values()].map((e) => e.outcome);
}
