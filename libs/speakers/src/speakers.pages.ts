import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthenticatedOrganiser, AuthService, CurrentOrganiser, Requires } from '@dialogdag/auth';
import { ConferencesService } from '@dialogdag/conferences';
import { Language, SECTOR_LABELS, SECTORS } from '@dialogdag/shared';
import {
  errorSummary,
  FieldErrors,
  html,
  INVALID_FORM_STATUS,
  Lang,
  redirectTo,
  refusalForForm,
  renderPage,
  SafeHtml,
  selectField,
  sendPage,
  textField,
  validateForm,
} from '@dialogdag/web';
import { CreateSpeakerDto, UpdateSpeakerDto } from './speaker.dto';
import { Speaker, SPEAKER_STATUSES } from './speaker.entity';
import { SPEAKER_FORM_FIELDS, SPEAKER_TEXTS, SpeakerFormField } from './speaker.texts';
import { SpeakersService } from './speakers.service';

type FormValues = Record<string, string | undefined>;

const valuesOf = (s: Speaker): FormValues => ({
  name: s.name, title: s.title, organisation: s.organisation, sector: s.sector, email: s.email ?? '', bio: s.bio, status: s.status, language: s.language,
});

function formToDto(body: FormValues, editing: boolean): Record<string, unknown> {
  return {
    name: body.name, title: body.title ?? '', organisation: body.organisation ?? '', sector: body.sector,
    email: body.email?.trim() ? body.email : editing ? null : undefined, bio: body.bio ?? '', status: body.status, language: body.language,
  };
}

/** The DTO's errors with the form's sentence for each field, in the reader's language. */
function formErrors(errors: FieldErrors, lang: Language): FieldErrors {
  const t = SPEAKER_TEXTS[lang];
  return Object.fromEntries(Object.entries(errors).map(([field, message]) => [field, (SPEAKER_FORM_FIELDS as readonly string[]).includes(field) ? t.invalid[field as SpeakerFormField] : message]));
}

@ApiExcludeController()
@Requires('conference.edit')
@Controller('admin/conferences/:id/speakers')
export class SpeakersPages {
  constructor(
    private readonly speakers: SpeakersService,
    private readonly conferences: ConferencesService,
    private readonly auth: AuthService,
  ) {}

  @Get()
  async list(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const queued = (req.query as Record<string, string | undefined>).queued;
    return this.renderList(reply, req, lang, organiser, id, { status: 'invited', language: lang }, {}, 200, queued);
  }

  @Post()
  async create(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Body() body: FormValues, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const { dto, errors } = await validateForm(CreateSpeakerDto, formToDto(body, false));
    if (Object.keys(errors).length) return this.renderList(reply, req, lang, organiser, id, body, formErrors(errors, lang), INVALID_FORM_STATUS);
    await this.speakers.create(organiser.id, id, dto);
    return redirectTo(reply, `/admin/conferences/${id}/speakers`);
  }

  @Get(':speakerId')
  async editPage(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Param('speakerId') speakerId: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const speaker = await this.speakers.get(organiser.id, id, speakerId);
    return this.renderEdit(reply, req, lang, organiser, speaker, valuesOf(speaker), {});
  }

  @Post(':speakerId')
  async update(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Param('speakerId') speakerId: string, @Body() body: FormValues, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const speaker = await this.speakers.get(organiser.id, id, speakerId);
    const { dto, errors } = await validateForm(UpdateSpeakerDto, formToDto(body, true));
    if (Object.keys(errors).length) return this.renderEdit(reply, req, lang, organiser, speaker, body, formErrors(errors, lang), INVALID_FORM_STATUS);
    await this.speakers.update(organiser.id, id, speakerId, dto);
    return redirectTo(reply, `/admin/conferences/${id}/speakers`);
  }

  @Post(':speakerId/delete')
  async remove(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Param('speakerId') speakerId: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const speaker = await this.speakers.get(organiser.id, id, speakerId);
    try {
      await this.speakers.remove(organiser.id, id, speakerId);
      return redirectTo(reply, `/admin/conferences/${id}/speakers`);
    } catch (error) {
      const refusal = refusalForForm(error, lang, 'name');
      return this.renderEdit(reply, req, lang, organiser, speaker, valuesOf(speaker), refusal.errors, refusal.status);
    }
  }

  // The notify form posts to a route of the programme lib, which knows the slots.
  private async renderList(reply: FastifyReply, req: FastifyRequest, lang: Language, organiser: AuthenticatedOrganiser, conferenceId: string, values: FormValues, errors: FieldErrors, status = 200, queued?: string) {
    const t = SPEAKER_TEXTS[lang];
    const speakers = await this.speakers.list(organiser.id, conferenceId);
    const c = await this.conferences.findById(conferenceId);
    const csrf = await this.auth.csrfTokenFor(organiser);
    const count = Number(queued);
    const body = html`<p><a href="/admin/conferences/${c.id}">${t.page.back}</a> · <a href="/admin/conferences/${c.id}/programme">${t.page.programme}</a></p>
<h1>${t.page.speakers}: ${c.title}</h1>
${queued !== undefined && Number.isInteger(count) ? html`<div class="notice ok" role="status"><p>${t.page.queued(count)}</p></div>` : ''}
${speakers.length === 0 ? html`<p>${t.page.none}</p>` : html`<table><thead><tr><th>${t.label.name}</th><th>${t.label.title}</th><th>${t.label.organisation}</th><th>${t.label.sector}</th><th>${t.label.status}</th><th></th></tr></thead><tbody>
${speakers.map((s) => html`<tr><td>${s.name}</td><td>${s.title}</td><td>${s.organisation}</td><td>${SECTOR_LABELS[s.sector][lang]}</td><td>${t.status[s.status]}</td><td><a href="/admin/conferences/${c.id}/speakers/${s.id}">${t.page.editLink}<span class="visually-hidden"> ${s.name}</span></a></td></tr>`)}
</tbody></table>`}
${c.status === 'published' && speakers.length > 0 ? html`<form method="post" action="/admin/conferences/${c.id}/speakers/notify" class="actions"><input type="hidden" name="_csrf" value="${csrf}"><button type="submit" class="secondary">${t.page.notify}</button></form>` : ''}
<h2 id="add">${t.page.add}</h2>
${errorSummary(t.page.problem, errors)}
${speakerForm(lang, `/admin/conferences/${c.id}/speakers`, csrf, values, errors)}`;
    return this.send(reply, req, lang, organiser, t.page.speakers, body, status, csrf);
  }

  private async renderEdit(reply: FastifyReply, req: FastifyRequest, lang: Language, organiser: AuthenticatedOrganiser, speaker: Speaker, values: FormValues, errors: FieldErrors, status = 200) {
    const t = SPEAKER_TEXTS[lang];
    const csrf = await this.auth.csrfTokenFor(organiser);
    const base = `/admin/conferences/${speaker.conferenceId}/speakers`;
    const body = html`<p><a href="${base}">${t.page.speakers}</a></p>
<h1>${t.page.edit}: ${speaker.name}</h1>
${errorSummary(t.page.problem, errors)}
${speakerForm(lang, `${base}/${speaker.id}`, csrf, values, errors)}
<form method="post" action="${base}/${speaker.id}/delete" class="actions">
  <input type="hidden" name="_csrf" value="${csrf}">
  <button type="submit" class="danger">${t.page.delete}</button>
</form>`;
    return this.send(reply, req, lang, organiser, t.page.edit, body, status, csrf);
  }

  private send(reply: FastifyReply, req: FastifyRequest, lang: Language, organiser: AuthenticatedOrganiser, title: string, body: SafeHtml, status: number, csrfToken: string) {
    return sendPage(reply, renderPage({ lang, title, body, path: req.url, backOffice: { organiserName: organiser.name, csrfToken } }), status);
  }
}

function speakerForm(lang: Language, action: string, csrf: string, values: FormValues, errors: FieldErrors): SafeHtml {
  const t = SPEAKER_TEXTS[lang];
  return html`<form method="post" action="${action}" novalidate>
  <input type="hidden" name="_csrf" value="${csrf}">
  ${textField({ name: 'name', label: t.label.name, value: values.name, error: errors.name, required: true, autocomplete: 'off' })}
  ${textField({ name: 'title', label: t.label.title, value: values.title, error: errors.title })}
  ${textField({ name: 'organisation', label: t.label.organisation, value: values.organisation, error: errors.organisation })}
  ${selectField({ name: 'sector', label: t.label.sector, value: values.sector, error: errors.sector, required: true, options: SECTORS.map((s) => ({ value: s, label: SECTOR_LABELS[s][lang] })) })}
  ${textField({ name: 'email', label: t.label.email, type: 'email', value: values.email, error: errors.email, hint: t.page.emailHint })}
  ${selectField({ name: 'status', label: t.label.status, value: values.status, error: errors.status, required: true, options: SPEAKER_STATUSES.map((s) => ({ value: s, label: t.status[s] })) })}
  ${selectField({ name: 'language', label: t.label.language, value: values.language, error: errors.language, required: true, options: [{ value: 'sv', label: 'Svenska' }, { value: 'en', label: 'English' }] })}
  ${textField({ name: 'bio', label: t.label.bio, type: 'textarea', value: values.bio, error: errors.bio })}
  <button type="submit">${t.page.save}</button>
</form>`;
}
