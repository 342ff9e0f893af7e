import { Body, Controller, Get, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, formatDateTime, httpStatusFor, Language } from '@dialogdag/shared';
import { errorSummary, html, Lang, redirectTo, renderPage, sendPage, textField } from '@dialogdag/web';
import { AuthenticatedOrganiser, AuthService, SESSION_COOKIE } from './auth.service';
import { clearSessionCookie, setSessionCookie } from './auth.controller';
import { CurrentOrganiser, OrganiserGuard } from './organiser.guard';
import { AUTH_TEXTS } from './auth.texts';

/** Only same-site paths may be a redirect target after login. */
const safeNext = (next: unknown) => (typeof next === 'string' && /^\/(?!\/)/.test(next) ? next : '/admin');

@ApiExcludeController()
@Controller('admin')
export class AuthPages {
  constructor(private readonly auth: AuthService) {}

  @Get('login')
  loginPage(@Lang() lang: Language, @Query('next') next: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return sendPage(reply, this.renderLogin(lang, req.url, safeNext(next), ''));
  }

  @Post('login')
  async login(@Lang() lang: Language, @Body() body: Record<string, string>, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    try {
      const { cookieValue, expiresAt } = await this.auth.login(String(body.email ?? ''), String(body.password ?? ''));
      setSessionCookie(reply, cookieValue, expiresAt);
      return redirectTo(reply, safeNext(body.next));
    } catch (error) {
      if (!(error instanceof DomainError) || error.category !== 'unauthenticated') throw error;
      return sendPage(reply, this.renderLogin(lang, req.url, safeNext(body.next), String(body.email ?? ''), error.textIn(lang)), httpStatusFor(error.category, 'page'));
    }
  }

  @Post('logout')
  async logout(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    await this.auth.logout(request.cookies?.[SESSION_COOKIE]);
    clearSessionCookie(reply);
    return redirectTo(reply, '/admin/login');
  }

  @Get('account')
  @UseGuards(OrganiserGuard)
  async account(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return sendPage(reply, await this.renderAccount(lang, req.url, organiser));
  }

  @Post('account/tokens')
  @UseGuards(OrganiserGuard)
  async createToken(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Body() body: Record<string, string>, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const name = String(body.name ?? '').trim() || 'API';
    const { secret } = await this.auth.createApiToken(organiser.id, name.slice(0, 100));
    return sendPage(reply, await this.renderAccount(lang, req.url, organiser, secret));
  }

  private renderLogin(lang: Language, path: string, next: string, email: string, failure?: string): string {
    const t = AUTH_TEXTS[lang].page;
    return renderPage({
      lang, path, title: t.title,
      body: html`<h1>${t.title}</h1>
${failure ? errorSummary(t.problem, {}, [failure]) : ''}
<form method="post" action="/admin/login" novalidate>
  <input type="hidden" name="next" value="${next}">
  ${textField({ name: 'email', label: t.email, type: 'email', value: email, required: true, autocomplete: 'username' })}
  ${textField({ name: 'password', label: t.password, type: 'password', required: true, autocomplete: 'current-password' })}
  <button type="submit">${t.submit}</button>
</form>`,
    });
  }

  private async renderAccount(lang: Language, path: string, organiser: AuthenticatedOrganiser, newSecret?: string): Promise<string> {
    const t = AUTH_TEXTS[lang].page;
    const tokens = await this.auth.listApiTokens(organiser.id);
    const csrfToken = await this.auth.csrfTokenFor(organiser);
    return renderPage({
      lang, path, title: t.account, backOffice: { organiserName: organiser.name, csrfToken },
      body: html`<h1>${t.account}</h1>
<p>${organiser.name} &lt;${organiser.email}&gt;</p>
<h2>${t.tokens}</h2>
${newSecret ? html`<div class="notice ok" role="status"><p>${t.newToken}</p><p><code>${newSecret}</code></p></div>` : ''}
${tokens.length === 0 ? html`<p>${t.noTokens}</p>` : html`<ul>${tokens.map((tk) => html`<li>${tk.name} – ${t.lastUsed}: ${tk.lastUsedAt ? formatDateTime(tk.lastUsedAt, lang) : t.never}</li>`)}</ul>`}
<form method="post" action="/admin/account/tokens">
  <input type="hidden" name="_csrf" value="${csrfToken}">
  ${textField({ name: 'name', label: t.tokenName, required: true })}
  <button type="submit">${t.createToken}</button>
</form>`,
    });
  }
}
