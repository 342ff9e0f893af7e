import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { DomainError, httpStatusFor, Language, ValidationFailed } from '@dialogdag/shared';
import { html, SafeHtml } from './html';

export type FieldErrors = Record<string, string>;

export interface FieldOptions {
  name: string;
  label: string;
  value?: string | null;
  error?: string;
  hint?: string;
  type?: string;
  required?: boolean;
  autocomplete?: string;
  attributes?: SafeHtml;
}

const describedBy = (name: string, hint?: string, error?: string) =>
  [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;

function fieldParts(o: FieldOptions) {
  return {
    hint: o.hint ? html`<p class="hint" id="${o.name}-hint">${o.hint}</p>` : '',
    error: o.error ? html`<p class="field-error" id="${o.name}-error">${o.error}</p>` : '',
    describedBy: describedBy(o.name, o.hint, o.error),
  };
}

export function textField(o: FieldOptions): SafeHtml {
  const parts = fieldParts(o);
  const type = o.type ?? 'text';
  return html`<div class="field${o.error ? ' has-error' : ''}">
  <label for="${o.name}">${o.label}${o.required ? html` <span class="required" aria-hidden="true">*</span>` : ''}</label>
  ${parts.hint}${parts.error}
  ${type === 'textarea'
    ? html`<textarea id="${o.name}" name="${o.name}" rows="4"${o.required ? html` required` : ''}${parts.describedBy ? html` aria-describedby="${parts.describedBy}"` : ''}${o.error ? html` aria-invalid="true"` : ''}>${o.value ?? ''}</textarea>`
    : html`<input id="${o.name}" name="${o.name}" type="${type}" value="${o.value ?? ''}"${o.required ? html` required` : ''}${o.autocomplete ? html` autocomplete="${o.autocomplete}"` : ''}${parts.describedBy ? html` aria-describedby="${parts.describedBy}"` : ''}${o.error ? html` aria-invalid="true"` : ''}${o.attributes ?? ''}>`}
</div>`;
}

export function selectField(o: FieldOptions & { options: Array<{ value: string; label: string }> }): SafeHtml {
  const parts = fieldParts(o);
  return html`<div class="field${o.error ? ' has-error' : ''}">
  <label for="${o.name}">${o.label}${o.required ? html` <span class="required" aria-hidden="true">*</span>` : ''}</label>
  ${parts.hint}${parts.error}
  <select id="${o.name}" name="${o.name}"${o.required ? html` required` : ''}${parts.describedBy ? html` aria-describedby="${parts.describedBy}"` : ''}${o.error ? html` aria-invalid="true"` : ''}>
    ${o.required ? html`<option value=""></option>` : html`<option value="">–</option>`}
    ${o.options.map((opt) => html`<option value="${opt.value}"${opt.value === o.value ? html` selected` : ''}>${opt.label}</option>`)}
  </select>
</div>`;
}

export function checkboxField(o: { name: string; label: string; checked?: boolean; hint?: string; error?: string }): SafeHtml {
  const parts = fieldParts({ ...o, label: o.label });
  return html`<div class="field checkbox${o.error ? ' has-error' : ''}">
  ${parts.error}
  <input id="${o.name}" name="${o.name}" type="checkbox" value="true"${o.checked ? html` checked` : ''}${parts.describedBy ? html` aria-describedby="${parts.describedBy}"` : ''}>
  <label for="${o.name}">${o.label}</label>
  ${parts.hint}
</div>`;
}

/** A list of every error at the top of a form, each linking to its field (WCAG 3.3.1). */
export function errorSummary(title: string, errors: FieldErrors, general: string[] = []): SafeHtml {
  const entries = Object.entries(errors);
  if (entries.length === 0 && general.length === 0) return html``;
  return html`<div class="error-summary" role="alert" tabindex="-1" id="error-summary">
  <h2>${title}</h2>
  <ul>
    ${general.map((message) => html`<li>${message}</li>`)}
    ${entries.map(([field, message]) => html`<li><a href="#${field}">${message}</a></li>`)}
  </ul>
</div>`;
}

/** Turns a submitted form into a DTO and collects the first error of each field. */
export async function validateForm<T extends object>(
  dtoClass: new () => T,
  body: unknown,
): Promise<{ dto: T; errors: FieldErrors }> {
  const plain = normaliseFormBody(body);
  const dto = plainToInstance(dtoClass, plain);
  const problems = await validate(dto, { whitelist: true });
  return { dto, errors: flattenErrors(problems) };
}

export function flattenErrors(problems: ValidationError[], prefix = ''): FieldErrors {
  const errors: FieldErrors = {};
  for (const problem of problems) {
    const field = prefix ? `${prefix}.${problem.property}` : problem.property;
    const first = Object.values(problem.constraints ?? {})[0];
    if (first) errors[field] = first;
    Object.assign(errors, flattenErrors(problem.children ?? [], field));
  }
  return errors;
}

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Empty text inputs mean "not given"; `a.b` names become nested objects. */
export function normaliseFormBody(body: unknown): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, rawValue] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    if (key === '_csrf' || key === 'website' || key === '_stamp') continue;
    const value = typeof rawValue === 'string' ? rawValue.trim() : rawValue;
    if (value === '') continue;
    const path = key.split('.');
    // `__proto__.x` would write onto Object.prototype; a name that is both a value and a group (`a=1&a.b=2`) is no form of ours.
    if (path.some((segment) => UNSAFE_KEYS.has(segment))) continue;
    let target: Record<string, unknown> | null = result;
    for (const segment of path.slice(0, -1)) {
      const next: unknown = (target[segment] ??= {});
      target = typeof next === 'object' && next !== null && !Array.isArray(next) ? (next as Record<string, unknown>) : null;
      if (!target) break;
    }
    if (target) target[path[path.length - 1]] = value;
  }
  return result;
}

/**
 * A refusal a form can show: the errors next to their fields (or `fallbackField`), in the reader's language,
 * and the page's status through httpStatusFor. Anything else (unknown, not found, not allowed) is rethrown for
 * the error page.
 */
export function refusalForForm(error: unknown, lang: Language, fallbackField: string): { errors: FieldErrors; status: number } {
  if (!(error instanceof DomainError) || (error.category !== 'invalid' && error.category !== 'conflict')) throw error;
  const errors = error instanceof ValidationFailed ? error.fieldTexts(lang) : { [error.field ?? fallbackField]: error.textIn(lang) };
  return { errors, status: httpStatusFor(error.category, 'page') };
}

/** The status of a form shown again because its input did not pass the DTO's checks. */
export const INVALID_FORM_STATUS = httpStatusFor('invalid', 'page');
