import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthenticatedOrganiser, AuthService, CONFERENCE_ROLES, CurrentOrganiser, isConferenceRole, Requires } from '@dialogdag/auth';
import { formatDateTime, Language } from '@dialogdag/shared';
import { errorSummary, FieldErrors, html, INVALID_FORM_STATUS, Lang, redirectTo, refusalForForm, renderPage, selectField, sendPage, textField, validateForm } from '@dialogdag/web';
import { ConferencesService } from '../conferences.service';
import { InviteDto } from './members.dto';
import { InvitationsService } from './invitations.service';
import { MembersService } from './members.service';
import { MEMBERS_TEXTS } from './members.texts';

type FormBody = Record<string, string | undefined>;
interface Shown { values?: FormBody; errors?: FieldErrors; status?: number; sentTo?: string }

/** Who runs the conference, their roles and the invitations out; for owners only. */
@ApiExcludeController()
@Requires('members.manage')
@Controller('admin/conferences/:id/members')
export class MembersPages {
  constructor(
    private readonly members: MembersService,
    private readonly invitations: InvitationsService,
    private readonly conferences: ConferencesService,
    private readonly auth: AuthService,
  ) {}

  @Get()
  async page(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Query('sent') sent: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.render(reply, req, lang, organiser, id, { sentTo: typeof sent === 'string' ? sent : undefined });
  }

  @Post('invite')
  async invite(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Body() body: FormBody, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const { dto, errors } = await validateForm(InviteDto, { email: body.email?.trim(), role: body.role });
    const t = MEMBERS_TEXTS[lang];
    if (Object.keys(errors).length) {
      const shown = { ...(errors.email ? { email: t.page.email } : {}), ...(errors.role ? { role: t.page.role } : {}) };
      return this.render(reply, req, lang, organiser, id, { values: body, errors: shown, status: INVALID_FORM_STATUS });
    }
    try {
      await this.invitations.invite(organiser, id, dto, lang);
    } catch (error) {
      const refusal = refusalForForm(error, lang, 'email');
      return this.render(reply, req, lang, organiser, id, { values: body, errors: refusal.errors, status: refusal.status });
    }
    return redirectTo(reply, `/admin/conferences/${id}/members?sent=${encodeURIComponent(dto.email)}`);
  }

  @Post(':organiserId/role')
  async changeRole(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Param('organiserId', new ParseUUIDPipe()) organiserId: string, @Body() body: FormBody, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    // Each member's select is named after them, so that every label on the page points at one field.
    const role = body[`role-${organiserId}`] ?? body.role;
    if (!isConferenceRole(role)) return this.render(reply, req, lang, organiser, id, { errors: { [`role-${organiserId}`]: MEMBERS_TEXTS[lang].page.role }, status: INVALID_FORM_STATUS });
    try {
      await this.members.changeRole(id, organiserId, role);
    } catch (error) {
      const refusal = refusalForForm(error, lang, 'role');
      return this.render(reply, req, lang, organiser, id, { errors: { [`role-${organiserId}`]: Object.values(refusal.errors)[0] }, status: refusal.status });
    }
    // An owner who gave themselves another role no longer manages members: back to the overview.
    return redirectTo(reply, organiserId === organiser.id && role !== 'owner' ? `/admin/conferences/${id}` : `/admin/conferences/${id}/members`);
  }

  @Post(':organiserId/remove')
  async remove(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Param('organiserId', new ParseUUIDPipe()) organiserId: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    try {
      await this.members.remove(id, organiserId);
    } catch (error) {
      const refusal = refusalForForm(error, lang, 'role');
      return this.render(reply, req, lang, organiser, id, { errors: { [`role-${organiserId}`]: Object.values(refusal.errors)[0] }, status: refusal.status });
    }
    // Someone who removed themselves no longer sees the conference.
    return redirectTo(reply, organiserId === organiser.id ? '/admin' : `/admin/conferences/${id}/members`);
  }

  @Post('invitations/:invitationId/withdraw')
  async withdraw(@Param('id') id: string, @Param('invitationId', new ParseUUIDPipe()) invitationId: string, @Res() reply: FastifyReply) {
    await this.invitations.withdraw(id, invitationId);
    return redirectTo(reply, `/admin/conferences/${id}/members`);
  }

  private async render(reply: FastifyReply, req: FastifyRequest, lang: Language, organiser: AuthenticatedOrganiser, id: string, shown: Shown) {
    const t = MEMBERS_TEXTS[lang];
    const conference = await this.conferences.get(organiser.id, id);
    const [members, invitations, csrf] = await Promise.all([this.members.list(id), this.invitations.pending(id), this.auth.csrfTokenFor(organiser)]);
    const errors = shown.errors ?? {};
    const roleOptions = CONFERENCE_ROLES.map((value) => ({ value, label: t.role[value] }));
    const token = html`<input type="hidden" name="_csrf" value="${csrf}">`;
    const body = html`<p><a href="/admin/conferences/${id}">${conference.title}</a></p>
<h1>${t.page.title}</h1>
${shown.sentTo ? html`<div class="notice ok" role="status"><p>${t.page.sent} ${shown.sentTo}.</p></div>` : ''}
${errorSummary(t.page.problem, errors)}
<h2>${t.page.members}</h2>
<table id="members"><thead><tr><th>${t.page.name}</th><th>${t.page.email}</th><th>${t.page.role}</th><th><span class="visually-hidden">${t.page.remove}</span></th></tr></thead><tbody>
${members.map((m) => html`<tr><td>${m.name} ${m.organiserId === organiser.id ? t.page.you : ''}</td><td>${m.email}</td>
  <td><form method="post" action="/admin/conferences/${id}/members/${m.organiserId}/role" class="inline">${token}
    ${selectField({ name: `role-${m.organiserId}`, label: `${t.page.changeRole}: ${m.name}`, value: m.role, required: true, options: roleOptions, error: errors[`role-${m.organiserId}`] })}
    <button type="submit" class="secondary">${t.page.change}</button></form></td>
  <td><form method="post" action="/admin/conferences/${id}/members/${m.organiserId}/remove" class="inline">${token}<button type="submit" class="link">${t.page.remove} ${m.name}</button></form></td></tr>`)}
</tbody></table>
<h2>${t.page.invitations}</h2>
${invitations.length === 0 ? html`<p>${t.page.noInvitations}</p>` : html`<ul id="invitations">${invitations.map((i) => html`<li>${i.email} – ${t.role[i.role]} – ${t.page.expires} ${formatDateTime(new Date(i.expiresAt), lang)}
  <form method="post" action="/admin/conferences/${id}/members/invitations/${i.id}/withdraw" class="inline">${token}<button type="submit" class="link">${t.page.withdraw} (${i.email})</button></form></li>`)}</ul>`}
<h2>${t.page.invite}</h2>
<p class="hint">${t.page.inviteHint}</p>
<form method="post" action="/admin/conferences/${id}/members/invite" novalidate>${token}
  ${textField({ name: 'email', label: t.page.email, type: 'email', value: shown.values?.email, error: errors.email, required: true })}
  ${selectField({ name: 'role', label: t.page.role, value: shown.values?.role ?? 'organiser', error: errors.role, required: true, options: roleOptions })}
  <button type="submit">${t.page.send}</button>
</form>
<h2>${t.page.roles}</h2>
<dl class="facts">${CONFERENCE_ROLES.map((r) => html`<dt>${t.role[r]}</dt><dd>${t.roleHint[r]}</dd>`)}</dl>`;
    const page = renderPage({ lang, title: t.page.title, body, path: req.url, backOffice: { organiserName: organiser.name, csrfToken: csrf } });
    return sendPage(reply, page, shown.status ?? 200);
  }
}
