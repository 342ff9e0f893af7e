import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthenticatedOrganiser, CurrentOrganiser, Requires } from '@dialogdag/auth';
import { ConferencesService, seatsLeft } from '@dialogdag/conferences';
import { DomainError, formatClock, Language, SECTOR_LABELS, SECTORS } from '@dialogdag/shared';
import { errorSummary, FieldErrors, html, Lang, redirectTo, selectField, textField, validateForm, withQuery } from '@dialogdag/web';
import { CheckInService } from '../check-in/check-in.service';
import { catalogue, errorText, FORM_ERRORS_STATUS, localiseFieldErrors, statusOf } from '../i18n';
import { RegisterDto } from '../registration.dto';
import { Registration } from '../registration.entity';
import { checkInStep } from '../seats.rules';
import { OrganiserRegistrationsService } from './organiser-registrations.service';
import { OrganiserPage } from './organiser-page';

const text = (value: unknown) => (typeof value === 'string' ? value : '');

interface DoorState {
  q: string;
  walkIn?: Record<string, string>;
  errors?: FieldErrors;
  status?: number;
  /** A sentence about what just happened (or was refused), above the list. */
  notice?: { text: string; ok: boolean };
  code?: string;
}

/** Check-in at the door, on a phone: scan or type the code, or search and tap; works without JavaScript. */
@ApiExcludeController()
@Requires('checkin')
@Controller('admin/conferences/:id')
export class CheckInPages {
  constructor(
    private readonly conferences: ConferencesService,
    private readonly organiserRegistrations: OrganiserRegistrationsService,
    private readonly door: CheckInService,
    private readonly page: OrganiserPage,
  ) {}

  /** `checked`: who was just checked in by code; `walkIn=over`: a walk-in was let in over capacity. */
  @Get('check-in')
  async show(
    @Lang() lang: Language,
    @CurrentOrganiser() organiser: AuthenticatedOrganiser,
    @Param('id') id: string,
    @Query('q') q: unknown,
    @Query('checked') checkedId: unknown,
    @Query('walkIn') walkIn: unknown,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = catalogue(lang).checkIn;
    const checked = typeof checkedId === 'string' ? await this.door.find(id, checkedId).catch(() => null) : null;
    const notice =
      walkIn === 'over'
        ? { text: t.overCapacity, ok: false }
        : checked?.checkedInAt
          ? { text: t.checkedInNotice(checked.name, formatClock(checked.checkedInAt)), ok: true }
          : undefined;
    return this.render(reply, req, lang, organiser, id, { q: text(q) || (checked?.name ?? ''), notice });
  }

  @Post('check-in/:rid')
  checkIn(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Param('rid') rid: string, @Body() body: Record<string, unknown>, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const overCapacity = body?.overCapacity === '1';
    return this.doorAction(reply, req, lang, organiser, id, text(body?.q), () => this.organiserRegistrations.checkIn(organiser.id, id, rid, { overCapacity }));
  }

  @Post('check-in/:rid/undo')
  undo(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Param('rid') rid: string, @Body() body: Record<string, unknown>, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.doorAction(reply, req, lang, organiser, id, text(body?.q), () => this.organiserRegistrations.undoCheckIn(organiser.id, id, rid));
  }

  /** A scanned or typed code: checked in, or said at the field why not, with the person's row when they are of this conference. */
  @Post('check-in-code')
  async byCode(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Body() body: Record<string, unknown>, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    await this.conferences.assertManages(organiser.id, id);
    const code = text(body?.code);
    try {
      const registration = await this.door.checkInByCode(organiser.id, id, code);
      return redirectTo(reply, withQuery(`/admin/conferences/${id}/check-in`, { checked: registration.id }));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const holder = await this.door.holderOf(code).catch(() => null);
      const q = holder?.conferenceId === id ? holder.name : '';
      return this.render(reply, req, lang, organiser, id, { q, code, errors: { code: errorText(error, lang, 'organiser') }, status: statusOf(error) });
    }
  }

  @Post('walk-ins')
  async walkIn(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Body() body: Record<string, unknown>, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    await this.conferences.assertManages(organiser.id, id);
    const values = Object.fromEntries(['name', 'email', 'organisation', 'sector'].map((k) => [k, text(body?.[k])]));
    const { dto, errors } = await validateForm(RegisterDto, values);
    const fieldErrors = localiseFieldErrors(errors, catalogue(lang).walkInErrors);
    if (Object.keys(fieldErrors).length > 0) return this.render(reply, req, lang, organiser, id, { q: '', walkIn: values, errors: fieldErrors, status: FORM_ERRORS_STATUS });
    try {
      const { registration, overCapacity } = await this.organiserRegistrations.walkIn(organiser.id, id, dto, lang);
      return redirectTo(reply, withQuery(`/admin/conferences/${id}/check-in`, { q: registration.name, walkIn: overCapacity ? 'over' : undefined }));
    } catch (error) {
      if (!(error instanceof DomainError) || error.category === 'not_found') throw error;
      const errs = { [error.field ?? 'name']: errorText(error, lang, 'organiser') };
      return this.render(reply, req, lang, organiser, id, { q: '', walkIn: values, errors: errs, status: statusOf(error) });
    }
  }

  private async doorAction(reply: FastifyReply, req: FastifyRequest, lang: Language, organiser: AuthenticatedOrganiser, id: string, q: string, action: () => Promise<Registration>) {
    try {
      await action();
    } catch (error) {
      if (!(error instanceof DomainError) || error.category !== 'conflict') throw error;
      return this.render(reply, req, lang, organiser, id, { q, status: statusOf(error), notice: { text: errorText(error, lang, 'organiser'), ok: false } });
    }
    return redirectTo(reply, withQuery(`/admin/conferences/${id}/check-in`, { q }));
  }

  private async render(reply: FastifyReply, req: FastifyRequest, lang: Language, organiser: AuthenticatedOrganiser, id: string, state: DoorState) {
    const all = catalogue(lang);
    const t = all.checkIn;
    const o = all.organiser;
    const c = await this.conferences.get(organiser.id, id);
    const query = state.q.trim().slice(0, 200);
    const errors = state.errors ?? {};
    const walkIn = state.walkIn ?? {};
    const csrf = await this.page.csrfToken(organiser);
    const { checkedIn, seatHolders } = await this.organiserRegistrations.checkInCounts(organiser.id, id);
    const found = (await this.organiserRegistrations.search(organiser.id, id, { q: query || undefined })).filter((r) => r.status === 'confirmed' || r.status === 'waitlisted');
    const base = `/admin/conferences/${c.id}`;
    const hidden = html`<input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="q" value="${query}">`;
    const button = (r: Registration) => {
      // What a tap would do is the check-in rule's decision: with every seat taken, letting a waitlisted person in is said on the button.
      const step = checkInStep(r, seatsLeft(c), false);
      if (step.kind === 'already_in')
        return html`<span class="status">${o.checkedIn} ${formatClock(step.at)}</span>
    <form method="post" action="${base}/check-in/${r.id}/undo" class="inline">${hidden}<button type="submit" class="secondary">${t.undo}<span class="visually-hidden"> ${r.name}</span></button></form>`;
      if (step.kind === 'refuse' && step.reason === 'no_free_seat')
        return html`<form method="post" action="${base}/check-in/${r.id}" class="inline">${hidden}<input type="hidden" name="overCapacity" value="1">
    <button type="submit" class="secondary">${t.checkInOver}<span class="visually-hidden"> ${r.name}</span></button></form>`;
      return html`<form method="post" action="${base}/check-in/${r.id}" class="inline">${hidden}<button type="submit">${t.checkIn}<span class="visually-hidden"> ${r.name}</span></button></form>`;
    };
    const row = (r: Registration) => html`<tr>
  <td><strong>${r.name}</strong><br><span class="hint">${r.organisation}</span>${r.status === 'waitlisted' ? html` <span class="status">${all.statuses.waitlisted}</span>` : ''}</td>
  <td>${button(r)}</td>
</tr>`;
    const body = html`${this.page.backLink(c, lang)}
<h1>${t.title}: ${c.title}</h1>
<p id="check-in-count" class="lead">${t.count(checkedIn, seatHolders)}</p>
${state.notice ? html`<div class="notice ${state.notice.ok ? 'ok' : 'warn'}" role="${state.notice.ok ? 'status' : 'alert'}" id="check-in-notice">${state.notice.text}</div>` : ''}
<h2 id="scan">${t.scanHeading}</h2>
<form method="post" action="${base}/check-in-code" id="scan-form" novalidate data-scan-label="${t.scan}" data-scanning="${t.scanning}" data-scan-stopped="${t.scanStopped}">
  <input type="hidden" name="_csrf" value="${csrf}">
  ${textField({ name: 'code', label: t.code, hint: t.codeHint, value: state.code, error: errors.code, autocomplete: 'off' })}
  <button type="submit">${t.codeSubmit}</button>
  <p id="scan-status" role="status"></p>
</form>
<form method="get" action="${base}/check-in" role="search">
  ${textField({ name: 'q', label: o.search, type: 'search', value: query, autocomplete: 'off' })}
  <button type="submit">${t.searchButton}</button>
</form>
${found.length === 0 ? html`<p>${o.none}</p>` : html`<table class="check-in"><caption class="visually-hidden">${o.registrations}</caption>
<thead><tr><th scope="col">${o.name}</th><th scope="col">${o.checkedIn}</th></tr></thead><tbody>${found.map(row)}</tbody></table>`}
<h2 id="walk-in">${t.walkIn}</h2>
${errorSummary(o.problem, Object.fromEntries(Object.entries(errors).filter(([field]) => field !== 'code')))}
<form method="post" action="${base}/walk-ins" novalidate>
  <input type="hidden" name="_csrf" value="${csrf}">
  ${textField({ name: 'name', label: o.name, value: walkIn.name, error: errors.name, required: true, autocomplete: 'off' })}
  ${textField({ name: 'email', label: o.email, type: 'email', value: walkIn.email, error: errors.email, required: true, autocomplete: 'off' })}
  ${textField({ name: 'organisation', label: o.organisation, value: walkIn.organisation, error: errors.organisation, required: true })}
  ${selectField({ name: 'sector', label: o.sector, value: walkIn.sector, error: errors.sector, required: true, options: SECTORS.map((s) => ({ value: s, label: SECTOR_LABELS[s][lang] })) })}
  <button type="submit">${t.addWalkIn}</button>
</form>
<script src="/assets/check-in-scanner.js" defer></script>`;
    return this.page.send(reply, req, lang, organiser, { title: t.title, body, status: state.status });
  }
}
