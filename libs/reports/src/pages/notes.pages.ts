import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthenticatedOrganiser, AuthService, CurrentOrganiser, PublicRoute, Requires } from '@dialogdag/auth';
import { ConferencesService } from '@dialogdag/conferences';
import { DomainError, httpStatusFor, Language } from '@dialogdag/shared';
import { errorSummary, FieldErrors, html, Lang, redirectTo, renderPage, SafeHtml, sendPage, textField, validateForm } from '@dialogdag/web';
import { CATALOGUE } from '../i18n';
import { CreateGroupNoteDto, NoteTextDto, UpdateGroupNoteDto } from '../notes/group-note.dto';
import { GroupNote } from '../notes/group-note.entity';
import { GroupNotesService } from '../notes/group-notes.service';
import { pointsOf } from '../notes/notes.rules';
import { PageContext, sendBackOffice } from './back-office';

type FormValues = Record<string, string | undefined>;

function noteFields(lang: Language, values: FormValues, errors: FieldErrors, withNames: boolean): SafeHtml {
  const t = CATALOGUE[lang].notes;
  return html`${withNames ? html`${textField({ name: 'theme', label: t.theme, value: values.theme, error: errors.theme })}
${textField({ name: 'groupName', label: t.group, value: values.groupName, error: errors.groupName, required: true })}` : ''}
${(['obstacles', 'opportunities', 'proposals'] as const).map((f) => textField({ name: f, label: t[f], type: 'textarea', value: values[f], error: errors[f], hint: t.hint }))}`;
}

const valuesOf = (n: GroupNote): FormValues => ({ theme: n.theme, groupName: n.groupName, obstacles: n.obstacles, opportunities: n.opportunities, proposals: n.proposals });
/** Empty text areas mean "nothing written", not "leave as it was". */
const textOf = (body: FormValues) => ({ ...body, obstacles: body.obstacles ?? '', opportunities: body.opportunities ?? '', proposals: body.proposals ?? '' });

@ApiExcludeController()
@Requires('conference.edit')
@Controller('admin/conferences/:id/group-notes')
export class GroupNotesPages {
  constructor(
    private readonly notes: GroupNotesService,
    private readonly conferences: ConferencesService,
    private readonly auth: AuthService,
  ) {}

  @Get()
  list(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.renderList({ reply, req, lang, organiser }, id, {}, {});
  }

  @Post()
  async create(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Body() body: FormValues, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const { dto, errors } = await validateForm(CreateGroupNoteDto, body);
    if (Object.keys(errors).length) return this.renderList({ reply, req, lang, organiser }, id, body, errors, 422);
    const created = await this.notes.create(organiser.id, id, dto);
    return this.renderList({ reply, req, lang, organiser }, id, {}, {}, 200, { name: created.groupName, url: created.noteTakerUrl! });
  }

  @Get(':noteId')
  async edit(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Param('noteId') noteId: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const note = await this.notes.get(organiser.id, id, noteId);
    return this.renderEdit({ reply, req, lang, organiser }, note, valuesOf(note), {});
  }

  @Post(':noteId')
  async update(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Param('noteId') noteId: string, @Body() body: FormValues, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const note = await this.notes.get(organiser.id, id, noteId);
    const { dto, errors } = await validateForm(UpdateGroupNoteDto, { ...textOf(body), theme: body.theme ?? '' });
    if (Object.keys(errors).length) return this.renderEdit({ reply, req, lang, organiser }, note, body, errors, 422);
    await this.notes.update(organiser.id, id, noteId, dto);
    return redirectTo(reply, `/admin/conferences/${id}/group-notes`);
  }

  @Post(':noteId/delete')
  async remove(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Param('noteId') noteId: string, @Res() reply: FastifyReply) {
    await this.notes.remove(organiser.id, id, noteId);
    return redirectTo(reply, `/admin/conferences/${id}/group-notes`);
  }

  @Post(':noteId/link')
  async link(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Param('noteId') noteId: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const view = await this.notes.newLink(organiser.id, id, noteId);
    return this.renderList({ reply, req, lang, organiser }, id, {}, {}, 200, { name: view.groupName, url: view.noteTakerUrl! });
  }

  private async renderList(ctx: PageContext, conferenceId: string, values: FormValues, errors: FieldErrors, status = 200, link?: { name: string; url: string }) {
    const t = CATALOGUE[ctx.lang];
    const notes = await this.notes.list(ctx.organiser.id, conferenceId);
    const c = await this.conferences.findById(conferenceId);
    const csrf = await this.auth.csrfTokenFor(ctx.organiser);
    const base = `/admin/conferences/${c.id}/group-notes`;
    const points = (text: string) => {
      const list = pointsOf(text);
      return list.length ? html`<ul>${list.map((p) => html`<li>${p}</li>`)}</ul>` : t.common.none;
    };
    const body = html`<p><a href="/admin/conferences/${c.id}">${t.common.back}</a> · <a href="/admin/conferences/${c.id}/report">${t.summary.report}</a></p>
<h1>${t.notes.title}: ${c.title}</h1>
<p>${t.notes.intro}</p>
${link ? html`<div class="notice ok" role="status"><p><strong>${link.name}</strong>: ${t.notes.linkShown}</p><p><code>${link.url}</code></p></div>` : ''}
${notes.length === 0 ? html`<p>${t.notes.none}</p>` : html`<table><thead><tr><th scope="col">${t.notes.theme}</th><th scope="col">${t.notes.group}</th><th scope="col">${t.notes.obstacles}</th><th scope="col">${t.notes.opportunities}</th><th scope="col">${t.notes.proposals}</th><th scope="col"><span class="visually-hidden">${t.common.edit}</span></th></tr></thead><tbody>
${notes.map((n) => html`<tr><td>${n.theme || t.common.none}</td><th scope="row">${n.groupName}</th><td>${points(n.obstacles)}</td><td>${points(n.opportunities)}</td><td>${points(n.proposals)}</td>
<td><a href="${base}/${n.id}">${t.common.edit}<span class="visually-hidden"> ${n.groupName}</span></a>
<form method="post" action="${base}/${n.id}/link" class="inline"><input type="hidden" name="_csrf" value="${csrf}"><button type="submit" class="link">${t.notes.newLink}<span class="visually-hidden"> (${n.groupName})</span></button></form></td></tr>`)}
</tbody></table>`}
<h2 id="add">${t.notes.add}</h2>
${errorSummary(t.common.problem, errors)}
<form method="post" action="${base}" novalidate>
  <input type="hidden" name="_csrf" value="${csrf}">
  ${noteFields(ctx.lang, values, errors, true)}
  <button type="submit">${t.notes.add}</button>
</form>`;
    return sendBackOffice(this.auth, ctx, t.notes.title, body, { status });
  }

  private async renderEdit(ctx: PageContext, note: GroupNote, values: FormValues, errors: FieldErrors, status = 200) {
    const t = CATALOGUE[ctx.lang];
    const csrf = await this.auth.csrfTokenFor(ctx.organiser);
    const base = `/admin/conferences/${note.conferenceId}/group-notes`;
    const body = html`<p><a href="${base}">${t.notes.title}</a></p>
<h1>${t.common.edit}: ${note.groupName}</h1>
${errorSummary(t.common.problem, errors)}
<form method="post" action="${base}/${note.id}" novalidate>
  <input type="hidden" name="_csrf" value="${csrf}">
  ${noteFields(ctx.lang, values, errors, true)}
  <button type="submit">${t.common.save}</button>
</form>
<form method="post" action="${base}/${note.id}/delete" class="actions"><input type="hidden" name="_csrf" value="${csrf}"><button type="submit" class="danger">${t.common.delete}</button></form>`;
    return sendBackOffice(this.auth, ctx, note.groupName, body, { status });
  }
}

/** The note-taker's page behind the secret link: no account, works on a phone without JavaScript. */
@ApiExcludeController()
@PublicRoute()
@Controller('n/:token')
export class NoteTakerPages {
  constructor(private readonly notes: GroupNotesService) {}

  @Get()
  async show(@Lang() lang: Language, @Param('token') token: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const { note, conference, open } = await this.notes.byToken(token);
    const saved = (req.query as Record<string, string | undefined>).saved === '1';
    return sendPage(reply, this.render(lang, req.url, token, conference.title, note, valuesOf(note), {}, open, saved));
  }

  @Post()
  async save(@Lang() lang: Language, @Param('token') token: string, @Body() body: FormValues, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const { note, conference, open } = await this.notes.byToken(token);
    const { dto, errors } = await validateForm(NoteTextDto, textOf(body));
    if (Object.keys(errors).length) return sendPage(reply, this.render(lang, req.url, token, conference.title, note, body, errors, open, false), 422);
    try {
      await this.notes.updateByToken(token, dto);
    } catch (error) {
      if (!(error instanceof DomainError) || error.category === 'not_found') throw error;
      return sendPage(reply, this.render(lang, req.url, token, conference.title, note, body, { obstacles: error.message }, false, false), httpStatusFor(error.category));
    }
    return redirectTo(reply, `/n/${token}?lang=${lang}&saved=1`);
  }

  private render(lang: Language, path: string, token: string, title: string, note: GroupNote, values: FormValues, errors: FieldErrors, open: boolean, saved: boolean): string {
    const t = CATALOGUE[lang];
    const body = html`<p class="lead">${title}</p>
<h1>${t.notes.noteTaker}: ${note.groupName}</h1>
${note.theme ? html`<p><strong>${t.notes.theme}:</strong> ${note.theme}</p>` : ''}
${saved ? html`<div class="notice ok" role="status"><p>${t.notes.saved}</p></div>` : ''}
${open ? '' : html`<p class="notice warn">${t.notes.closed}</p>`}
${errorSummary(t.common.problem, errors)}
<form method="post" action="/n/${token}?lang=${lang}" novalidate>
  ${noteFields(lang, values, errors, false)}
  ${open ? html`<button type="submit">${t.common.save}</button>` : ''}
</form>`;
    return renderPage({ lang, title: `${t.notes.noteTaker}: ${note.groupName}`, body, path });
  }
}
