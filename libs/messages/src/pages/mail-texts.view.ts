import type { Conference } from '@dialogdag/conferences';
import { formatDateTime, Language, LANGUAGES } from '@dialogdag/shared';
import { errorSummary, FieldErrors, html, SafeHtml, selectField, textField, unsafeRaw } from '@dialogdag/web';
import type { SamplePerson } from '../mail-texts/mail-text-samples';
import type { MailTextItem, MailTextPreview } from '../mail-texts/mail-texts.service';
import { PLACEHOLDERS } from '../domain/placeholders';
import { TEXTS } from '../messages.texts';

/** The edit form as submitted: `intro.sv`, `closing.en`, `previewAs`… */
export type MailTextForm = Record<string, string | undefined>;

export interface MailTextPageView {
  lang: Language;
  conference: Conference;
  csrf: string;
  item: MailTextItem;
  form: MailTextForm;
  errors: FieldErrors;
  people: Array<SamplePerson & { language: Language }>;
  preview?: MailTextPreview;
  notice?: string;
}

const base = (conference: Conference) => `/admin/conferences/${conference.id}/messages/texts`;

/** The form's fields from what is stored, for the first showing of the page. */
export function formOf(item: MailTextItem): MailTextForm {
  const form: MailTextForm = {};
  for (const lang of LANGUAGES) {
    form[`intro.${lang}`] = item.texts[lang]?.intro ?? '';
    form[`closing.${lang}`] = item.texts[lang]?.closing ?? '';
  }
  return form;
}

/** Our own e-mail HTML is one document; a page shows what is inside its body (every text in it is escaped by the layout). */
export function innerBody(document: string): string {
  return document.replace(/^[\s\S]*?<body[^>]*>/, '').replace(/<\/body>[\s\S]*$/, '').trim();
}

export function mailTextListPage(lang: Language, conference: Conference, items: MailTextItem[]): SafeHtml {
  const t = TEXTS[lang];
  const m = t.mailTexts;
  const state = (adapted: boolean) => (adapted ? html`<strong>${m.list.adapted}</strong>` : m.list.default);
  return html`<p><a href="/admin/conferences/${conference.id}">${t.nav.back}</a> · <a href="/admin/conferences/${conference.id}/messages">${t.nav.all}</a></p>
<h1>${m.list.title}: ${conference.title}</h1>
<p class="lead">${m.list.lead}</p>
<table><caption class="visually-hidden">${m.list.title}</caption>
<thead><tr><th scope="col">${m.list.mail}</th><th scope="col">${m.list.swedish}</th><th scope="col">${m.list.english}</th></tr></thead>
<tbody>${items.map(
    (item) => html`<tr id="kind-${item.kind}">
<td><a href="${base(conference)}/${item.kind}">${m.kinds[item.kind].label}</a><br><span class="hint">${m.kinds[item.kind].about}</span></td>
<td>${state(item.texts.sv !== null)}</td><td>${state(item.texts.en !== null)}</td>
</tr>`,
  )}</tbody></table>`;
}

function languageFieldset(v: MailTextPageView, lang: Language): SafeHtml {
  const m = TEXTS[v.lang].mailTexts;
  const stored = v.item.texts[lang];
  const legend = lang === 'sv' ? m.edit.inSwedish : m.edit.inEnglish;
  return html`<fieldset lang="${lang}"><legend>${legend}</legend>
${textField({ name: `intro.${lang}`, label: m.edit.intro, type: 'textarea', value: v.form[`intro.${lang}`], error: v.errors[`intro.${lang}`] })}
${textField({ name: `closing.${lang}`, label: m.edit.closing, type: 'textarea', value: v.form[`closing.${lang}`], error: v.errors[`closing.${lang}`] })}
${stored
  ? html`<p class="hint">${m.edit.updated(stored.updatedBy.name, formatDateTime(stored.updatedAt, v.lang))}</p>
<div class="actions"><button type="submit" class="secondary" formaction="${base(v.conference)}/${v.item.kind}/reset" name="language" value="${lang}">${m.edit.reset(m.languageNames[lang])}</button></div>`
  : ''}
</fieldset>`;
}

function previewSection(v: MailTextPageView, preview: MailTextPreview): SafeHtml {
  const m = TEXTS[v.lang].mailTexts;
  const p = m.preview;
  return html`<section aria-labelledby="preview-title" class="mail-text-preview">
<h2 id="preview-title">${p.title}</h2>
<p>${p.lead} ${preview.recipient ? p.forPerson(preview.recipient.name) : p.example}</p>
${v.people.length > 1
  ? html`${selectField({ name: 'previewAs', label: p.as, value: preview.recipient?.id ?? '', options: v.people.map((person) => ({ value: person.id ?? '', label: person.name })) })}
<div class="actions"><button type="submit" name="intent" value="preview" class="secondary">${p.show}</button></div>`
  : ''}
${LANGUAGES.map((lang) => {
  const shown = preview.previews[lang];
  // The HTML comes from the e-mail layout (renderMailBody), which escapes every text it holds.
  return html`<h3>${p.inLanguage(m.languageNames[lang])}</h3>
<div class="mail-preview" id="preview-${lang}" lang="${lang}" style="border:1px solid #d0d7de;border-radius:4px;padding:.75rem 1rem">
<p><strong>${p.subject}</strong> <span class="preview-subject">${shown.subject}</span></p>
${unsafeRaw(innerBody(shown.html))}
</div>`;
})}
</section>`;
}

export function mailTextEditPage(v: MailTextPageView): SafeHtml {
  const t = TEXTS[v.lang];
  const m = t.mailTexts;
  const placeholders = PLACEHOLDERS.map((p) => `{${p}}`).join(', ');
  return html`<p><a href="/admin/conferences/${v.conference.id}/messages">${t.nav.all}</a> · <a href="${base(v.conference)}">${m.nav.all}</a></p>
<h1>${m.edit.title(m.kinds[v.item.kind].label)}</h1>
${v.notice ? html`<div class="notice ok" role="status"><p>${v.notice}</p></div>` : ''}
${errorSummary(m.edit.problem, v.errors)}
<h2>${m.edit.generated}</h2>
<p>${m.kinds[v.item.kind].about}</p>
<form method="post" action="${base(v.conference)}/${v.item.kind}" novalidate>
<input type="hidden" name="_csrf" value="${v.csrf}">
<p class="hint">${m.edit.hint(placeholders)}</p>
${v.item.carriesPersonalLink ? '' : html`<p class="hint">${m.edit.noLink}</p>`}
${languageFieldset(v, 'sv')}
${languageFieldset(v, 'en')}
<div class="actions"><button type="submit" name="intent" value="save">${m.edit.save}</button> <button type="submit" name="intent" value="preview" class="secondary">${m.edit.preview}</button></div>
${v.preview ? previewSection(v, v.preview) : ''}
</form>`;
}

export function resetConfirmPage(lang: Language, conference: Conference, csrf: string, item: MailTextItem, language: Language): SafeHtml {
  const m = TEXTS[lang].mailTexts;
  const edit = `${base(conference)}/${item.kind}`;
  return html`<h1>${m.reset.title}</h1>
<p>${m.reset.question(m.kinds[item.kind].label, m.languageNames[language])}</p>
<form method="post" action="${edit}/reset">
<input type="hidden" name="_csrf" value="${csrf}">
<input type="hidden" name="language" value="${language}">
<div class="actions"><button type="submit" name="confirm" value="yes">${m.reset.confirm}</button> <a class="button secondary" href="${edit}">${m.reset.cancel}</a></div>
</form>`;
}
