import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, formatDateTime, Language } from '@dialogdag/shared';
import { errorSummary, html, Lang, redirectTo, renderPage, sendPage, textField } from '@dialogdag/web';
import { AuthenticatedOrganiser, AuthService } from './auth.service';
import { CsrfProtection } from './csrf/csrf.protection';
import { safeNext } from './csrf/safe-redirect.rules';
import { LoginService, LoginThrottled } from './login.service';
import { CurrentOrganiser } from './organiser.guard';
import { PublicRoute, SignedIn } from './access/access.decorators';
import { SessionCookies } from './session-cookie';
import { AUTH_TEXTS } from './auth.texts';

const TEXTS = { sv: AUTH_TEXTS.sv.page, en: AUTH_TEXTS.en.page };

@ApiExcludeController()
@Controller('admin')
export class AuthPages {
  constructor(
    private readonly auth: AuthService,
    private readonly logins: LoginService,
    private readonly cookies: SessionCookies,
    private readonly csrf: CsrfProtection,
  ) {}

  @Get('login')
  @PublicRoute()
  async loginPage(@Lang() lang: Language, @Query('next') next: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return sendPage(reply, this.renderLogin(lang, req.url, safeNext(next), '', await this.csrf.loginFormToken(req, reply)));
  }

  @Post('login')
  @PublicRoute()
  async login(@Lang() lang: Language, @Body() body: Record<string, unknown>, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const email = typeof body.email === 'string' ? body.email : '';
    const again = async (failure: string, status: number) =>
      sendPage(reply, this.renderLogin(lang, req.url, safeNext(body.next), email, await this.csrf.loginFormToken(req, reply), failure), status);
    try {
      await this.csrf.assertLoginForm(req);
      const password = typeof body.password === 'string' ? body.password : '';
      const { cookieValue, expiresAt } = await this.logins.login({ email, password, clientAddress: req.ip, previousSession: this.cookies.readSession(req) });
      this.cookies.setSession(req, reply, cookieValue, expiresAt);
      return redirectTo(reply, safeNext(body.next));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const t = TEXTS[lang];
      if (error instanceof LoginThrottled) {
        reply.header('Retry-After', String(error.retryAfterSeconds));
        return again(t.throttled, 429);
      }
      if (error.category === 'forbidden') return again(t.expired, 403);
      return again(t.failed, 401);
    }
  }

  @Post('logout')
  @PublicRoute()
  async logout(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const cookie = this.cookies.readSession(request);
    const organiser = await this.auth.authenticateSession(cookie);
    if (organiser) await this.csrf.assertSessionRequest(request, organiser);
    await this.auth.logout(cookie);
    this.cookies.clearSession(request, reply);
    return redirectTo(reply, '/admin/login');
  }

  @Post('account/logout-everywhere')
  @SignedIn()
  async logoutEverywhere(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    await this.auth.logoutEverywhere(organiser.id);
    this.cookies.clearSession(request, reply);
    return redirectTo(reply, '/admin/login');
  }

  @Post('account/tokens/:id/revoke')
  @SignedIn()
  async revokeToken(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id', new ParseUUIDPipe()) id: string, @Res() reply: FastifyReply) {
    await this.auth.revokeApiToken(organiser.id, id);
    return redirectTo(reply, '/admin/account');
  }

  @Get('account')
  @SignedIn()
  async account(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return sendPage(reply, await this.renderAccount(lang, req.url, organiser));
  }

  @Post('account/tokens')
  @SignedIn()
  async createToken(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Body() body: Record<string, string>, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const name = String(body.name ?? '').trim() || 'API';
    const { secret } = await this.auth.createApiToken(organiser.id, name.slice(0, 100));
    return sendPage(reply, await this.renderAccount(lang, req.url, organiser, secret));
  }

  private renderLogin(lang: Language, path: string, next: string, email: string, csrfToken: string, failure?: string): string {
    const t = TEXTS[lang];
    return renderPage({
      lang, path, title: t.title,
      body: html`<h1>${t.title}</h1>
${failure ? errorSummary(t.problem, {}, [failure]) : ''}
<form method="post" action="/admin/login" novalidate>
  <input type="hidden" name="_csrf" value="${csrfToken}">
  <input type="hidden" name="next" value="${next}">
  ${textField({ name: 'email', label: t.email, type: 'email', value: email, required: true, autocomplete: 'username' })}
  ${textField({ name: 'password', label: t.password, type: 'password', required: true, autocomplete: 'current-password' })}
  <button type="submit">${t.submit}</button>
</form>
<p><a href="/admin/password-reset">${t.forgot}</a></p>`,
    });
  }

  private async renderAccount(lang: Language, path: string, organiser: AuthenticatedOrganiser, newSecret?: string): Promise<string> {
    const t = TEXTS[lang];
    const tokens = await this.auth.listApiTokens(organiser.id);
    const csrfToken = await this.auth.csrfTokenFor(organiser);
    return renderPage({
      lang, path, title: t.account, backOffice: { organiserName: organiser.name, csrfToken },
      body: html`<h1>${t.account}</h1>
<p>${organiser.name} &lt;${organiser.email}&gt;</p>
${organiser.isPlatformAdmin ? html`<p><a href="/admin/organisers">${AUTH_TEXTS[lang].accounts.link}</a></p>` : ''}
<h2>${t.tokens}</h2>
${newSecret ? html`<div class="notice ok" role="status"><p>${t.newToken}</p><p><code>${newSecret}</code></p></div>` : ''}
${tokens.length === 0 ? html`<p>${t.noTokens}</p>` : html`<ul id="api-tokens">${tokens.map((tk) => html`<li>${tk.name} – ${t.lastUsed}: ${tk.lastUsedAt ? formatDateTime(tk.lastUsedAt, lang) : t.never}
  <form method="post" action="/admin/account/tokens/${tk.id}/revoke" class="inline"><input type="hidden" name="_csrf" value="${csrfToken}"><button type="submit" class="link">${t.revoke} ${tk.name}</button></form></li>`)}</ul>`}
<form method="post" action="/admin/account/tokens">
  <input type="hidden" name="_csrf" value="${csrfToken}">
  ${textField({ name: 'name', label: t.tokenName, required: true })}
  <button type="submit">${t.createToken}</button>
</form>
<h2>${t.sessions}</h2>
<p>${t.sessionsHint}</p>
<form method="post" action="/admin/account/logout-everywhere">
  <input type="hidden" name="_csrf" value="${csrfToken}">
  <button type="submit" class="secondary">${t.logoutEverywhere}</button>
</form>`,
    });
  }
}
