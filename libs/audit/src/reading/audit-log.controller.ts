import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedOrganiser, CurrentOrganiser, Requires } from '@dialogdag/auth';
import { ConferencesService } from '@dialogdag/conferences';
import { AuditService } from '../audit.service';
import { AuditLogQuery, AuditLogView, toAuditEntryView } from './audit-log.dto';

@ApiTags('audit')
@ApiCookieAuth()
@ApiBearerAuth()
@Requires('audit.read')
@Controller('api/conferences/:id/audit-log')
export class AuditLogController {
  constructor(
    private readonly audit: AuditService,
    private readonly conferences: ConferencesService,
  ) {}

  @Get()
  @ApiOkResponse({ type: AuditLogView, description: "Who changed what and when in the conference, newest first; `action` keeps one action's entries." })
  async list(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Query() query: AuditLogQuery): Promise<AuditLogView> {
    await this.conferences.assertManages(organiser.id, id);
    const { items, total } = await this.audit.list(id, query);
    return { items: items.map(toAuditEntryView), total };
  }
}
