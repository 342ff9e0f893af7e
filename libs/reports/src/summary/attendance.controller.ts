import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuthenticatedOrganiser, CurrentOrganiser, Requires } from '@dialogdag/auth';
import { Language } from '@dialogdag/shared';
import { Lang } from '@dialogdag/web';
import { summaryCsv } from './attendance.export';
import { AttendanceService } from './attendance.service';
import { parseExportFormat, sendCsv, sendXlsx, XLSX_TYPE } from '../http-replies';


@ApiTags('reports')
@ApiCookieAuth()
@ApiBearerAuth()
@Requires('figures.read')
@Controller('api/conferences/:id')
export class AttendanceController {
  constructor(private readonly attendance: AttendanceService) {}

  @Get('attendance-summary')
  @ApiOperation({
    summary: 'Attendance per sector and party',
    description:
      '`registered` counts seat-holders (confirmed, checked in or not); `noShows` those not checked in once the conference has ended (0 before); ' +
      '`organisations`, `municipalities` and `regions` are distinct among seat-holders, `amongAttended` the same among those checked in. ' +
      'Transferred registrations count as the colleague. `?format=csv` (UTF-8 with BOM, `;`, CRLF) or `?format=xlsx` (figures, and one sheet per sector).',
  })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv', 'xlsx'] })
  @ApiProduces('application/json', 'text/csv', XLSX_TYPE)
  @ApiOkResponse({ description: '{ conferenceId, registered, attended, cancelled, noShows, waitlisted, bySector, byParty, organisations, municipalities, regions, politicians, politiciansByParty, amongAttended, ended }' })
  async summary(
    @CurrentOrganiser() organiser: AuthenticatedOrganiser,
    @Param('id') id: string,
    @Query('format') format: unknown,
    @Lang() lang: Language,
    @Res() reply: FastifyReply,
  ) {
    const wanted = parseExportFormat(format);
    if (wanted === 'xlsx') return sendXlsx(reply, 'deltagarsammanstallning.xlsx', await this.attendance.xlsx(organiser.id, id, lang));
    const { conference, summary } = await this.attendance.summary(organiser.id, id);
    if (wanted === 'csv') return sendCsv(reply, 'deltagarsammanstallning.csv', summaryCsv(summary, conference.title, lang));
    return reply.header('Cache-Control', 'no-store').send(summary);
  }
}
