import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthenticatedOrganiser, AuthService, CurrentOrganiser, Requires } from '@dialogdag/auth';
import { ConferencesService } from '@dialogdag/conferences';
import { Language } from '@dialogdag/shared';
import { Lang, renderPage, sendPage } from '@dialogdag/web';
import { AuditService } from '../audit.service';
import { AUDIT_TEXTS } from '../audit.texts';
import { AUDIT_PAGE_SIZE, auditLogPage, auditPageQuery } from './audit-log.view';

/** Back office: the conference's audit log, newest first, a page at a time, optionally one action's entries. */
@ApiExcludeController()
@Requires('audit.read')
@Controller('admin/conferences/:id/audit-log')
export class AuditLogPages {
  constructor(
    private readonly audit: AuditService,
    private readonly conferences: ConferencesService,
    private readonly auth: AuthService,
  ) {}

  @Get()
  async list(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    await this.conferences.assertManages(organiser.id, id);
    const conference = await this.conferences.findById(id);
    const { offset, action } = auditPageQuery(req.query as Record<string, unknown>);
    const [{ items, total }, actions] = await Promise.all([
      this.audit.list(id, { limit: AUDIT_PAGE_SIZE, offset, action }),
      this.audit.actions(id),
    ]);
    const body = auditLogPage({ lang, conference, items, total, offset, action, actions });
    const csrfToken = await this.auth.csrfTokenFor(organiser);
    return sendPage(reply, renderPage({ lang, title: AUDIT_TEXTS[lang].title, body, path: req.url, backOffice: { organiserName: organiser.name, csrfToken } }));
  }
}
