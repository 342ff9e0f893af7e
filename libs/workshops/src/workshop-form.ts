import { DomainError, httpStatusFor, Language } from '@dialogdag/shared';
import { FieldErrors, html, SafeHtml, textField } from '@dialogdag/web';
import { WorkshopBlock } from './domain/rounds.rules';
import { WorkshopView } from './workshop.dto';
import { roundLabel, TEXTS } from './workshops.texts';

export type FormValues = Record<string, string | string[] | undefined>;

const list = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]).filter((v) => v !== '');
const one = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

export function valuesOf(w: WorkshopView): FormValues {
  return {
    title: w.title,
    theme: w.theme,
    room: w.room ?? '',
    capacity: String(w.capacity),
    rounds: w.rounds.map(String),
    'groupSize.min': String(w.groupSize.min),
    'groupSize.max': String(w.groupSize.max),
    description: w.description,
    inspirerIds: w.inspirers.map((i) => i.speakerId),
  };
}

/** The submitted form as the API's body: the same DTO, the same checks. */
export function formToDto(body: FormValues, editing: boolean): Record<string, unknown> {
  const room = one(body.room)?.trim();
  const rounds = list(body.rounds);
  return {
    title: one(body.title) ?? '',
    theme: one(body.theme) ?? '',
    room: room ? room : editing ? null : undefined,
    capacity: one(body.capacity),
    rounds: rounds.length > 0 ? rounds : undefined,
    description: one(body.description) ?? '',
    inspirerIds: list(body.inspirerIds),
    groupSize: { min: one(body['groupSize.min']) ?? '6', max: one(body['groupSize.max']) ?? '10' },
  };
}

/** A refused change as field errors and the status the API would answer; anything else is not the form's to show. */
export function refusal(error: unknown): { errors: FieldErrors; status: number } {
  if (error instanceof DomainError && error.category !== 'not_found') {
    const field = error.field === 'round' ? 'rounds' : error.field === 'groupSize' ? 'groupSize.min' : (error.field ?? 'title');
    return { errors: { [field]: error.message }, status: httpStatusFor(error.category) };
  }
  throw error;
}

export interface FormContext {
  lang: Language;
  action: string;
  csrf: string;
  blocks: readonly WorkshopBlock[];
  /** Round keys in use, so numbered rounds beyond the first few stay offered. */
  roundsInUse: readonly string[];
  speakers: ReadonlyArray<{ id: string; name: string; organisation: string }>;
}

export function workshopForm(ctx: FormContext, values: FormValues, errors: FieldErrors): SafeHtml {
  const t = TEXTS[ctx.lang];
  const numbers = [...new Set(['1', '2', '3', ...ctx.roundsInUse.filter((k) => /^\d+$/.test(k))])].sort((a, b) => Number(a) - Number(b));
  const chosenRounds = list(values.rounds).map((r) => r.toLowerCase());
  const roundOptions = [
    ...numbers.map((k) => ({ value: k, label: t.round(Number(k)) })),
    ...ctx.blocks.map((b) => ({ value: b.id, label: roundLabel(b.id, ctx.blocks, [], ctx.lang) })),
  ].map((o) => ({ ...o, checked: chosenRounds.includes(o.value) }));
  const chosenSpeakers = list(values.inspirerIds);
  return html`<form method="post" action="${ctx.action}" novalidate>
  <input type="hidden" name="_csrf" value="${ctx.csrf}">
  ${textField({ name: 'title', label: t.title, value: one(values.title), error: errors.title, required: true, autocomplete: 'off' })}
  ${textField({ name: 'theme', label: t.theme, value: one(values.theme), error: errors.theme })}
  ${textField({ name: 'room', label: t.room, value: one(values.room), error: errors.room })}
  ${textField({ name: 'capacity', label: t.capacity, type: 'number', value: one(values.capacity), error: errors.capacity, required: true, attributes: html` min="1" inputmode="numeric"` })}
  ${checkboxGroup('rounds', t.rounds, t.roundsHint, errors.rounds, roundOptions)}
  ${textField({ name: 'groupSize.min', label: t.groupMin, type: 'number', value: one(values['groupSize.min']), error: errors['groupSize.min'], attributes: html` min="2" max="50"` })}
  ${textField({ name: 'groupSize.max', label: t.groupMax, type: 'number', value: one(values['groupSize.max']), error: errors['groupSize.max'], attributes: html` min="2" max="50"` })}
  ${ctx.speakers.length > 0
    ? checkboxGroup(
        'inspirerIds',
        t.inspirers,
        t.inspirersHint,
        errors.inspirerIds,
        ctx.speakers.map((s) => ({ value: s.id, label: s.organisation ? `${s.name}, ${s.organisation}` : s.name, checked: chosenSpeakers.includes(s.id) })),
      )
    : ''}
  ${textField({ name: 'description', label: t.description, type: 'textarea', value: one(values.description), error: errors.description })}
  <button type="submit">${t.save}</button>
</form>`;
}

/** Several checkboxes under one legend; the error links to the first box. */
function checkboxGroup(name: string, legend: string, hint: string, error: string | undefined, options: Array<{ value: string; label: string; checked: boolean }>): SafeHtml {
  return html`<fieldset class="field${error ? ' has-error' : ''}" aria-describedby="${name}-hint${error ? html` ${name}-error` : ''}">
  <legend>${legend}</legend>
  <p class="hint" id="${name}-hint">${hint}</p>
  ${error ? html`<p class="field-error" id="${name}-error">${error}</p>` : ''}
  ${options.map(
    (o, i) => html`<div class="checkbox"><input type="checkbox" id="${i === 0 ? name : `${name}-${i}`}" name="${name}" value="${o.value}"${o.checked ? html` checked` : ''}>
  <label for="${i === 0 ? name : `${name}-${i}`}">${o.label}</label></div>`,
  )}
</fieldset>`;
}
