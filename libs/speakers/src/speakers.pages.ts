import { Body, Controller, Get, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthenticatedOrganiser, AuthService, CurrentOrganiser, OrganiserGuard } from '@dialogdag/auth';
import { ConferencesService } from '@dialogdag/conferences';
import { DomainError, Language, SECTOR_LABELS, SECTORS } from '@dialogdag/shared';
import {
  errorSummary,
  FieldErrors,
  html,
  Lang,
  redirectTo,
  renderPage,
  SafeHtml,
  selectField,
  sendPage,
  textField,
  Texts,
  validateForm,
} from '@dialogdag/web';
import { CreateSpeakerDto, UpdateSpeakerDto } from './speaker.dto';
import { Speaker, SPEAKER_STATUSES } from './speaker.entity';
import { SpeakersService } from './speakers.service';

const T: Texts<Record<string, string>> = {
  sv: {
    speakers: 'Talare', programme: 'Program', back: 'Tillbaka till konferensen', add: 'Lägg till talare', edit: 'Ändra talare', save: 'Spara',
    delete: 'Ta bort talaren', problem: 'Rätta följande', name: 'Namn', title: 'Titel', organisation: 'Organisation', sector: 'Sektor',
    email: 'E-postadress (valfritt)', emailHint: 'Talare med e-postadress får sina tider när programmet är publicerat.', bio: 'Presentation', status: 'Status',
    invited: 'inbjuden', confirmed: 'bekräftad', declined: 'tackat nej', none: 'Inga talare ännu.', notify: 'Skicka programtider till talarna',
    language: 'Språk för e-post', queued: 'e-brev lagda i utkorgen.', editLink: 'Ändra',
  },
  en: {
    speakers: 'Speakers', programme: 'Programme', back: 'Back to the conference', add: 'Add speaker', edit: 'Edit speaker', save: 'Save',
    delete: 'Delete this speaker', problem: 'Please correct the following', name: 'Name', title: 'Title', organisation: 'Organisation', sector: 'Sector',
    email: 'E-mail (optional)', emailHint: 'Speakers with an e-mail address are sent their slots once the programme is published.', bio: 'Bio', status: 'Status',
    invited: 'invited', confirmed: 'confirmed', declined: 'declined', none: 'No speakers yet.', notify: 'E-mail speakers their slots',
    language: 'E-mail language', queued: 'e-mails queued in the outbox.', editLink: 'Edit',
  },
};

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

function errorsOf(error: unknown): FieldErrors {
  if (error instanceof DomainError && error.category !== 'not_found') return { [error.field ?? 'name']: error.message };
  throw error;
}

@ApiExcludeController()
@UseGuards(OrganiserGuard)
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
    if (Object.keys(errors).length) return this.renderList(reply, req, lang, organiser, id, body, errors, 422);
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
    if (Object.keys(errors).length) return this.renderEdit(reply, req, lang, organiser, speaker, body, errors, 422);
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
      return this.renderEdit(reply, req, lang, organiser, speaker, valuesOf(speaker), errorsOf(error), 409);
    }
  }

  // The notify form posts to a route of the programme lib, which knows the slots.
  private async renderList(reply: FastifyReply, req: FastifyRequest, lang: Language, organiser: AuthenticatedOrganiser, conferenceId: string, values: FormValues, errors: FieldErrors, status = 200, queued?: string) {
    const t = T[lang];
    const speakers = await this.speakers.list(organiser.id, conferenceId);
    const c = await this.conferences.findById(conferenceId);
    const csrf = await this.auth.csrfTokenFor(organiser);
    const body = html`<p><a href="/admin/conferences/${c.id}">${t.back}</a> · <a href="/admin/conferences/${c.id}/programme">${t.programme}</a></p>
<h1>${t.speakers}: ${c.title}</h1>
${queued !== undefined ? html`<div class="notice ok" role="status"><p>${queued} ${t.queued}</p></div>` : ''}
${speakers.length === 0 ? html`<p>${t.none}</p>` : html`<table><thead><tr><th>${t.name}</th><th>${t.title}</th><th>${t.organisation}</th><th>${t.sector}</th><th>${t.status}</th><th></th></tr></thead><tbody>
${speakers.map((s) => html`<tr><td>${s.name}</td><td>${s.title}</td><td>${s.organisation}</td><td>${SECTOR_LABELS[s.sector][lang]}</td><td>${t[s.status]}</td><td><a href="/admin/conferences/${c.id}/speakers/${s.id}">${t.editLink}<span class="visually-hidden"> ${s.name}</span></a></td></tr>`)}
</tbody></table>`}
${c.status === 'published' && speakers.length > 0 ? html`<form method="post" action="/admin/conferences/${c.id}/speakers/notify" class="actions"><input type="hidden" name="_csrf" value="${csrf}"><button type="submit" class="secondary">${t.notify}</button></form>` : ''}
<h2 id="add">${t.add}</h2>
${errorSummary(t.problem, errors)}
${speakerForm(lang, `/admin/conferences/${c.id}/speakers`, csrf, values, errors)}`;
    return this.send(reply, req, lang, organiser, t.speakers, body, status, csrf);
  }

  private async renderEdit(reply: FastifyReply, req: FastifyRequest, lang: Language, organiser: AuthenticatedOrganiser, speaker: Speaker, values: FormValues, errors: FieldErrors, status = 200) {
    const t = T[lang];
    const csrf = await this.auth.csrfTokenFor(organiser);
    const base = `/admin/conferences/${speaker.conferenceId}/speakers`;
    const body = html`<p><a href="${base}">${t.speakers}</a></p>
<h1>${t.edit}: ${speaker.name}</h1>
${errorSummary(t.problem, errors)}
${speakerForm(lang, `${base}/${speaker.id}`, csrf, values, errors)}
<form method="post" action="${base}/${speaker.id}/delete" class="actions">
  <input type="hidden" name="_csrf" value="${csrf}">
  <button type="submit" class="danger">${t.delete}</button>
</form>`;
    return this.send(reply, req, lang, organiser, t.edit, body, status, csrf);
  }

  private send(reply: FastifyReply, req: FastifyRequest, lang: Language, organiser: AuthenticatedOrganiser, title: string, body: SafeHtml, status: number, csrfToken: string) {
    return sendPage(reply, renderPage({ lang, title, body, path: req.url, backOffice: { organiserName: organiser.name, csrfToken } }), status);
  }
}

function speakerForm(lang: Language, action: string, csrf: string, values: FormValues, errors: FieldErrors): SafeHtml {
  const t = T[lang];
  return html`<form method="post" action="${action}" novalidate>
  <input type="hidden" name="_csrf" value="${csrf}">
  ${textField({ name: 'name', label: t.name, value: values.name, error: errors.name, required: true, autocomplete: 'off' })}
  ${textField({ name: 'title', label: t.title, value: values.title, error: errors.title })}
  ${textField({ name: 'organisation', label: t.organisation, value: values.organisation, error: errors.organisation })}
  ${selectField({ name: 'sector', label: t.sector, value: values.sector, error: errors.sector, required: true, options: SECTORS.map((s) => ({ value: s, label: SECTOR_LABELS[s][lang] })) })}
  ${textField({ name: 'email', label: t.email, type: 'email', value: values.email, error: errors.email, hint: t.emailHint })}
  ${selectField({ name: 'status', label: t.status, value: values.status, error: errors.status, required: true, options: SPEAKER_STATUSES.map((s) => ({ value: s, label: t[s] })) })}
  ${selectField({ name: 'language', label: t.language, value: values.language, error: errors.language, required: true, options: [{ value: 'sv', label: 'Svenska' }, { value: 'en', label: 'English' }] })}
  ${textField({ name: 'bio', label: t.bio, type: 'textarea', value: values.bio, error: errors.bio })}
  <button type="submit">${t.save}</button>
</form>`;
}
