import type { Conference } from '@dialogdag/conferences';
import { Language, PARTIES, PARTY_LABELS, SECTOR_LABELS, SECTORS } from '@dialogdag/shared';
import { errorSummary, FieldErrors, html, SafeHtml, selectField, textField, unsafeRaw } from '@dialogdag/web';
import { Recipient, RECIPIENT_GROUPS } from '../domain/recipient-filter';
import type { Preview } from '../messages.service';
import { TEXTS } from '../messages.texts';
import type { FilterChoices } from '../recipients/filter-choices';
import type { RecipientChoice } from '../recipients/recipients.service';
import { ComposeForm, list, one } from './compose-form';

export interface PreviewState extends Preview {
  total: number;
  sample: Recipient[];
  digest: string;
  notice?: { text: string; kind: 'ok' | 'warn' };
}

export interface ComposeView {
  lang: Language;
  conference: Conference;
  csrf: string;
  organiserEmail: string;
  form: ComposeForm;
  errors: FieldErrors;
  choices: RecipientChoice[];
  criteria: FilterChoices;
  preview?: PreviewState;
}

function checkboxes(name: string, options: Array<{ value: string; label: string }>, chosen: string[]): SafeHtml {
  return html`${options.map(
    (o) => html`<div class="field checkbox">
  <input id="${name}-${o.value}" name="${name}" type="checkbox" value="${o.value}"${chosen.includes(o.value) ? html` checked` : ''}>
  <label for="${name}-${o.value}">${o.label}</label>
</div>`,
  )}`;
}

function recipientsFieldset(v: ComposeView): SafeHtml {
  const t = TEXTS[v.lang].compose;
  const f = v.form;
  const picked = list(f.picked);
  const volunteerOptions = [
    { value: 'all', label: t.volunteersAll },
    { value: 'with_travel_claim', label: t.volunteersWithClaim },
    { value: 'without_travel_claim', label: t.volunteersWithoutClaim },
  ];
  return html`<fieldset id="filter"><legend>${t.recipients}</legend>
<fieldset id="filter.groups"><legend>${t.groups}</legend>
${v.errors['filter.groups'] ? html`<p class="field-error">${v.errors['filter.groups']}</p>` : ''}
${checkboxes('groups', RECIPIENT_GROUPS.map((g) => ({ value: g, label: t[g] })), list(f.groups))}
</fieldset>
<fieldset><legend>${t.criteria}</legend>
${selectField({ name: 'checkedIn', label: t.checkedIn, value: one(f.checkedIn), options: [{ value: 'yes', label: t.checkedInYes }, { value: 'no', label: t.checkedInNo }] })}
${selectField({ name: 'volunteers', label: t.volunteers, value: one(f.volunteers), error: v.errors['filter.volunteers'], options: volunteerOptions })}
<fieldset><legend>${t.parties}</legend>${checkboxes('parties', PARTIES.map((p) => ({ value: p, label: PARTY_LABELS[p][v.lang] })), list(f.parties))}</fieldset>
<details${list(f.sectors).length ? html` open` : ''}><summary>${t.sectors}</summary>
<fieldset><legend>${t.sectors}</legend>${checkboxes('sectors', SECTORS.map((s) => ({ value: s, label: SECTOR_LABELS[s][v.lang] })), list(f.sectors))}</fieldset>
</details>
${placementCriteria(v)}
</fieldset>
${v.choices.length > 0
  ? html`<details${picked.length || v.errors.filter ? html` open` : ''}><summary>${t.handPicked}</summary>
<fieldset><legend>${t.handPicked}</legend>
<p class="hint">${t.handPickedHint}</p>
${v.errors.filter ? html`<p class="field-error">${v.errors.filter}</p>` : ''}
${checkboxes('picked', v.choices.map((c) => ({ value: `${c.kind === 'participant' ? 'r' : 's'}:${c.id}`, label: c.kind === 'speaker' ? `${c.label} (${t.speakerSuffix})` : c.label })), picked)}
</fieldset></details>`
  : ''}
</fieldset>`;
}

/** Workshops (and their round) and tables, once the conference has them. */
function placementCriteria(v: ComposeView): SafeHtml {
  const t = TEXTS[v.lang].compose;
  const { workshops, rounds, tables } = v.criteria;
  const chosenWorkshops = list(v.form.workshops);
  const chosenTables = list(v.form.tables);
  return html`${workshops.length > 0
    ? html`<details${chosenWorkshops.length || v.errors['filter.workshops'] || v.errors['filter.workshopRound'] ? html` open` : ''}><summary>${t.workshops}</summary>
<fieldset id="filter.workshops" aria-describedby="workshops-hint"><legend>${t.workshops}</legend>
<p class="hint" id="workshops-hint">${t.workshopsHint}</p>
${v.errors['filter.workshops'] ? html`<p class="field-error">${v.errors['filter.workshops']}</p>` : ''}
${checkboxes('workshops', workshops, chosenWorkshops)}
</fieldset>
${rounds.length > 0 ? selectField({ name: 'workshopRound', label: t.workshopRound, value: one(v.form.workshopRound), error: v.errors['filter.workshopRound'], options: rounds }) : ''}
</details>`
    : ''}
${tables.length > 0
  ? html`<details${chosenTables.length || v.errors['filter.tables'] ? html` open` : ''}><summary>${t.tables}</summary>
<fieldset id="filter.tables" aria-describedby="tables-hint"><legend>${t.tables}</legend>
<p class="hint" id="tables-hint">${t.tablesHint}</p>
${v.errors['filter.tables'] ? html`<p class="field-error">${v.errors['filter.tables']}</p>` : ''}
${checkboxes('tables', tables, chosenTables)}
</fieldset></details>`
  : ''}`;
}

function contentFieldsets(v: ComposeView): SafeHtml {
  const t = TEXTS[v.lang].compose;
  const fields = (lang: Language, legend: string) => html`<fieldset lang="${lang}"><legend>${legend}</legend>
${textField({ name: `subject.${lang}`, label: t.subject, value: one(v.form[`subject.${lang}`]), error: v.errors[`subject.${lang}`] })}
${textField({ name: `body.${lang}`, label: t.body, type: 'textarea', value: one(v.form[`body.${lang}`]), error: v.errors[`body.${lang}`], hint: t.bodyHint })}
</fieldset>`;
  return html`<p class="hint">${t.languageHint}</p>${fields('sv', t.swedish)}${fields('en', t.english)}`;
}

function previewSection(v: ComposeView, p: PreviewState): SafeHtml {
  const t = TEXTS[v.lang].preview;
  const langName = { sv: t.swedish, en: t.english };
  const as = p.recipient ? `${p.recipient.kind === 'participant' ? 'r' : 's'}:${p.recipient.id}` : '';
  return html`<section aria-labelledby="preview-title" class="message-preview">
<h2 id="preview-title" tabindex="-1">${t.title}</h2>
${p.notice ? html`<div class="notice ${p.notice.kind}" role="status"><p>${p.notice.text}</p></div>` : ''}
<p><strong id="recipient-count">${p.total > 0 ? t.count(p.total) : t.nobody}</strong></p>
${p.sample.length > 0
  ? html`<h3>${t.sample}</h3><ul>${p.sample.map((r) => html`<li>${r.name} &lt;${r.email}&gt;</li>`)}</ul>${p.total > p.sample.length ? html`<p>${t.more(p.total - p.sample.length)}</p>` : ''}
${selectField({ name: 'previewAs', label: t.as, value: as, options: p.sample.map((r) => ({ value: `${r.kind === 'participant' ? 'r' : 's'}:${r.id}`, label: r.name })) })}
<button type="submit" name="intent" value="preview" class="secondary">${t.show}</button>`
  : ''}
${(Object.keys(p.previews) as Language[]).map((lang) => {
  const shown = p.previews[lang]!;
  return html`<h3>${t.inLanguage(langName[lang])}</h3>
<div class="mail-preview" lang="${lang}" style="border:1px solid #d0d7de;border-radius:4px;padding:.75rem 1rem">
<p><strong>${t.subjectLabel}</strong> <span class="preview-subject">${shown.subject}</span></p>
${unsafeRaw(shown.bodyHtml)}
</div>`;
})}
<div class="actions"><button type="submit" name="intent" value="test" class="secondary">${t.test}</button> <span class="hint">${t.testHint(v.organiserEmail)}</span></div>
${p.total > 0
  ? html`<h3>${t.confirmTitle}</h3>
<p>${t.confirmText(p.total)}</p>
<input type="hidden" name="confirmRecipientCount" value="${p.total}">
<input type="hidden" name="previewed" value="${p.digest}">
<div class="actions"><button type="submit" name="intent" value="send">${t.send(p.total)}</button></div>`
  : ''}
</section>`;
}

export function composePage(v: ComposeView): SafeHtml {
  const t = TEXTS[v.lang];
  return html`<p><a href="/admin/conferences/${v.conference.id}">${t.nav.back}</a> · <a href="/admin/conferences/${v.conference.id}/messages">${t.nav.all}</a></p>
<h1>${t.compose.title}: ${v.conference.title}</h1>
${errorSummary(t.compose.problem, v.errors)}
<form method="post" action="/admin/conferences/${v.conference.id}/messages/new" novalidate>
<input type="hidden" name="_csrf" value="${v.csrf}">
${recipientsFieldset(v)}
${contentFieldsets(v)}
<div class="actions"><button type="submit" name="intent" value="preview">${t.compose.preview}</button></div>
${v.preview ? previewSection(v, v.preview) : ''}
</form>`;
}
