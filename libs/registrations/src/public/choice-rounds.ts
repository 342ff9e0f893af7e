import type { FieldErrors, SafeHtml } from '@dialogdag/web';
import { html, selectField } from '@dialogdag/web';
import type { ChoiceRound, PreferenceProvider } from '../extensions/registration-extensions';

/**
 * Ranked choices on a form without JavaScript: per round a fieldset with one select per rank
 * ("1st choice", "2nd choice"…), posted as `choice-<round>-<rank>` and turned into the ordered
 * `workshopPreferences` list (round by round, first choice first).
 */

export type FormValues = Record<string, string | undefined>;

export interface ChoiceTexts {
  hint: (maxChoices: number) => string;
  rank: (n: number) => string;
  repeated: string;
  invalid: string;
}

export const choiceField = (round: number, rank: number) => `choice-${round}-${rank}`;

/** Where a round's error is shown and linked to from the error summary: its first select. */
export const roundErrorField = (round: number) => choiceField(round, 1);

export function renderChoiceRounds(rounds: ChoiceRound[], values: FormValues, errors: FieldErrors, t: ChoiceTexts): SafeHtml {
  return html`${rounds.map((round, i) => html`<fieldset class="choices" id="choice-${i}">
  <legend>${round.label}</legend>
  <p class="hint">${t.hint(round.maxChoices)}</p>
  ${ranks(round).map((rank) =>
    selectField({
      name: choiceField(i, rank),
      label: t.rank(rank),
      value: values[choiceField(i, rank)],
      error: rank === 1 ? errors[roundErrorField(i)] : undefined,
      options: round.options.map((o) => ({ value: o.id, label: o.label })),
    }),
  )}
</fieldset>`)}`;
}

/** The form values that show a saved ranked list: each choice in the round that offers it, in order. */
export function choiceValues(rounds: ChoiceRound[], preferences: string[]): FormValues {
  const values: FormValues = {};
  rounds.forEach((round, i) => {
    const offered = new Set(round.options.map((o) => o.id));
    preferences.filter((id) => offered.has(id)).slice(0, round.maxChoices).forEach((id, k) => (values[choiceField(i, k + 1)] = id));
  });
  return values;
}

/**
 * Reads the posted choices. A round naming one option twice is an error at that round; the
 * provider then checks each round on its own, so its problems are shown where they belong.
 */
export async function readChoices(
  provider: PreferenceProvider,
  conferenceId: string,
  rounds: ChoiceRound[],
  body: FormValues,
  t: ChoiceTexts,
): Promise<{ preferences: string[]; errors: FieldErrors }> {
  const errors: FieldErrors = {};
  const preferences: string[] = [];
  for (const [i, round] of rounds.entries()) {
    const chosen = ranks(round)
      .map((rank) => body[choiceField(i, rank)]?.trim() ?? '')
      .filter((id) => id !== '');
    if (new Set(chosen).size !== chosen.length) errors[roundErrorField(i)] = t.repeated;
    else if (chosen.length > 0 && (await provider.validate(conferenceId, chosen)).length > 0) errors[roundErrorField(i)] = t.invalid;
    preferences.push(...chosen);
  }
  return { preferences, errors };
}

const ranks = (round: ChoiceRound) => Array.from({ length: Math.max(0, round.maxChoices) }, (_, k) => k + 1);
