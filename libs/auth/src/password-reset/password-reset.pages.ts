import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, Language } from '@dialogdag/shared';
import { errorSummary, html, Lang, redirectTo, renderPage, sendPage, textField } from '@dialogdag/web';
import { CsrfProtection } from '../csrf/csrf.protection';
import { PasswordResetService } from './password-reset.service';
import { RESET_TEXTS } from './password-reset.texts';
import { PublicRoute } from '../access/access.decorators';

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** Asking for a link and choosing the new password, without JavaScript; both forms carry the pre-session token. */
@ApiExcludeController()
@PublicRoute()
@Controller('admin/password-reset')
export class PasswordResetPages {
  constructor(
    private readonly resets: PasswordResetService,
    private readonly csrf: CsrfProtection,
  ) {}

  @Get()
  async askPage(@Lang() lang: Language, @Query('sent') sent: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return sendPage(reply, this.renderAsk(lang, req.url, await this.csrf.loginFormToken(req, reply), sent === '1'));
  }

  @Post()
  async ask(@Lang() lang: Language, @Body() body: Record<string, unknown>, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    await this.csrf.assertLoginForm(req);
    const email = text(body.email).trim();
    if (/^[^\s@]+@[^\s@]+$/.test(email) && email.length <= 254) await this.resets.request(email, req.ip, lang);
    return redirectTo(reply, `/admin/password-reset?sent=1&lang=${lang}`);
  }

  @Get(':token')
  async choosePage(@Lang() lang: Language, @Param('token') token: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const usable = await this.resets.isUsable(token);
    return sendPage(reply, this.renderChoose(lang, req.url, token, await this.csrf.loginFormToken(req, reply), usable ? undefined : RESET_TEXTS[lang].invalid), usable ? 200 : 404);
  }

  @Post(':token')
  async choose(@Lang() lang: Language, @Param('token') token: string, @Body() body: Record<string, unknown>, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    await this.csrf.assertLoginForm(req);
    try {
      await this.resets.complete(token, text(body.password));
      return redirectTo(reply, `/admin/login?reset=1&lang=${lang}`);
    } catch (error) {
      if (!(error instanceof DomainError) || error.category !== 'invalid') throw error;
      const message = error.code === 'reset_link_invalid' ? RESET_TEXTS[lang].invalid : error.message;
      return sendPage(reply, this.renderChoose(lang, req.url, token, await this.csrf.loginFormToken(req, reply), message), 400);
    }
  }

  private renderAsk(lang: Language, path: string, csrfToken: string, sent: boolean): string {
    const t = RESET_TEXTS[lang];
    return renderPage({
      lang, path, title: t.title,
      body: html`<h1>${t.title}</h1>
${sent ? html`<div class="notice ok" role="status"><p>${t.sent}</p></div>` : ''}
<form method="post" action="/admin/password-reset?lang=${lang}" novalidate>
  <input type="hidden" name="_csrf" value="${csrfToken}">
  ${textField({ name: 'email', label: t.email, type: 'email', required: true, autocomplete: 'username' })}
  <button type="submit">${t.send}</button>
</form>`,
    });
  }

  private renderChoose(lang: Language, path: string, token: string, csrfToken: string, problem?: string): string {
    const t = RESET_TEXTS[lang];
    return renderPage({
      lang, path, title: t.newTitle,
      body: html`<h1>${t.newTitle}</h1>
${problem ? errorSummary(t.problem, { password: problem }) : ''}
<form method="post" action="/admin/password-reset/${token}" novalidate>
  <input type="hidden" name="_csrf" value="${csrfToken}">
  ${textField({ name: 'password', label: t.password, type: 'password', hint: t.passwordHint, error: problem, required: true, autocomplete: 'new-password' })}
  <button type="submit">${t.save}</button>
</form>`,
    });
  }
}
