import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccessRequest, AuthenticatedOrganiser, AuthService, CsrfProtection, PublicRoute, RequestAuthenticator, SessionCookies } from '@dialogdag/auth';
import { DomainError, Language } from '@dialogdag/shared';
import { errorSummary, FieldErrors, html, INVALID_FORM_STATUS, Lang, redirectTo, renderPage, sendPage, textField, validateForm } from '@dialogdag/web';
import { InvitedAccountDto } from './members.dto';
import { InvitationsService, OpenInvitation } from './invitations.service';
import { MEMBERS_TEXTS } from './members.texts';

type FormBody = Record<string, string | undefined>;

/**
 * Where an invitation link leads. Signed in, with any account: accept. Without an account: choose a name and a
 * password, which creates the account with the invited address, accepts, and logs in. Public, because the link
 * itself is the secret; whoever is signed in is found here, with the same CSRF checks as everywhere.
 */
@ApiExcludeController()
@PublicRoute()
@Controller('invitations/:token')
export class InvitationPages {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly authenticator: RequestAuthenticator,
    private readonly auth: AuthService,
    private readonly csrf: CsrfProtection,
    private readonly cookies: SessionCookies,
  ) {}

  @Get()
  async page(@Lang() lang: Language, @Param('token') token: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const found = await this.invitations.open(token);
    if (!found) return this.invalid(reply, req, lang);
    return this.render(reply, req, lang, token, found, await this.authenticator.identify(req as AccessRequest), {});
  }

  @Post()
  async accept(@Lang() lang: Language, @Param('token') token: string, @Body() body: FormBody, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const organiser = await this.authenticator.identify(req as AccessRequest);
    const found = await this.invitations.open(token);
    if (!found) return this.invalid(reply, req, lang);
    if (organiser) return this.accepted(reply, (await this.invitations.accept(token, organiser.id)).conferenceId);
    await this.csrf.assertLoginForm(req);
    const t = MEMBERS_TEXTS[lang].invitation;
    const { dto, errors } = await validateForm(InvitedAccountDto, { name: body.name?.trim(), password: body.password ?? '' });
    if (Object.keys(errors).length) {
      const shown = { ...(errors.name ? { name: t.name } : {}), ...(errors.password ? { password: t.passwordHint } : {}) };
      return this.render(reply, req, lang, token, found, null, shown, body, INVALID_FORM_STATUS);
    }
    try {
      const { conferenceId, email } = await this.invitations.acceptWithNewAccount(token, dto);
      const { cookieValue, expiresAt } = await this.auth.login(email, dto.password);
      this.cookies.setSession(req, reply, cookieValue, expiresAt);
      return this.accepted(reply, conferenceId);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === 'invitation_invalid') return this.invalid(reply, req, lang);
      if (error.code === 'organiser_exists') return this.render(reply, req, lang, token, found, null, { email: t.accountExists }, body, 409);
      if (error.category !== 'invalid') throw error;
      return this.render(reply, req, lang, token, found, null, { [error.field ?? 'password']: error.textIn(lang) }, body, INVALID_FORM_STATUS);
    }
  }

  private accepted(reply: FastifyReply, conferenceId: string) {
    return redirectTo(reply, `/admin/conferences/${conferenceId}`);
  }

  private invalid(reply: FastifyReply, req: FastifyRequest, lang: Language) {
    const t = MEMBERS_TEXTS[lang].invitation;
    return sendPage(reply, renderPage({ lang, title: t.title, path: req.url, body: html`<h1>${t.title}</h1><p>${t.invalid}</p>` }), 404);
  }

  private async render(
    reply: FastifyReply, req: FastifyRequest, lang: Language, token: string, found: OpenInvitation, organiser: AuthenticatedOrganiser | null,
    errors: FieldErrors, values: FormBody = {}, status = 200,
  ) {
    const t = MEMBERS_TEXTS[lang];
    const { invitation, conference, inviterName } = found;
    const action = `/invitations/${token}`;
    const intro = html`<h1>${t.invitation.title}</h1><p>${t.invitation.intro(inviterName, conference.title, t.role[invitation.role])}</p><p class="hint">${t.roleHint[invitation.role]}</p>`;
    if (organiser) {
      const csrfToken = await this.auth.csrfTokenFor(organiser);
      const body = html`${intro}
<p>${t.invitation.signedInAs(organiser.name)}</p>
<form method="post" action="${action}"><input type="hidden" name="_csrf" value="${csrfToken}"><button type="submit">${t.invitation.accept}</button></form>`;
      return sendPage(reply, renderPage({ lang, title: t.invitation.title, path: req.url, body, backOffice: { organiserName: organiser.name, csrfToken } }), status);
    }
    const formToken = await this.csrf.loginFormToken(req, reply);
    const body = html`${intro}
${errorSummary(t.invitation.problem, errors)}
<h2>${t.invitation.haveAccount}</h2>
<p><a class="button secondary" href="/admin/login?next=${encodeURIComponent(action)}">${t.invitation.logIn}</a></p>
<h2>${t.invitation.newAccount}</h2>
<p>${t.invitation.newAccountHint} <strong>${invitation.email}</strong>.</p>
<form method="post" action="${action}" novalidate>
  <input type="hidden" name="_csrf" value="${formToken}">
  ${textField({ name: 'name', label: t.invitation.name, value: values.name, error: errors.name, required: true, autocomplete: 'name' })}
  ${textField({ name: 'password', label: t.invitation.password, type: 'password', hint: t.invitation.passwordHint, error: errors.password ?? errors.email, required: true, autocomplete: 'new-password' })}
  <button type="submit">${t.invitation.create}</button>
</form>`;
    return sendPage(reply, renderPage({ lang, title: t.invitation.title, path: req.url, body }), status);
  }
}
