import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuthenticatedOrganiser, CurrentOrganiser, Requires } from '@dialogdag/auth';
import { DomainError, Language } from '@dialogdag/shared';
import { Lang } from '@dialogdag/web';
import { sendFile } from '../http-replies';
import { toMarkdown } from './report.document';
import { reportPdf } from './report.pdf';
import { ReportService } from './report.service';

type ReportFormat = 'md' | 'pdf' | 'json';

function parseReportFormat(format: unknown): ReportFormat {
  if (format === undefined || format === '' || format === 'md' || format === 'markdown') return 'md';
  if (format === 'pdf' || format === 'json') return format;
  throw new DomainError('invalid_format', 'invalid', 'format must be md, pdf or json', 'format');
}

@ApiTags('reports')
@ApiCookieAuth()
@ApiBearerAuth()
@Requires('figures.read')
@Controller('api/conferences/:id')
export class ReportController {
  constructor(private readonly reports: ReportService) {}

  @Get('report')
  @ApiOperation({
    summary: 'The draft of the conference’s summary report',
    description: 'Participants in words with exact figures, the programme with speakers, obstacles and opportunities per theme, the evaluation. `?format=md` (default, for editing), `pdf` or `json` (the blocks). `?lang=en` for English.',
  })
  @ApiQuery({ name: 'format', required: false, enum: ['md', 'pdf', 'json'] })
  @ApiProduces('text/markdown', 'application/pdf', 'application/json')
  async report(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Query('format') format: unknown, @Lang() lang: Language, @Res() reply: FastifyReply) {
    return this.send(reply, parseReportFormat(format), await this.reports.draft(organiser.id, id, lang));
  }

  @Get('report.md')
  @ApiProduces('text/markdown')
  async markdown(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Lang() lang: Language, @Res() reply: FastifyReply) {
    return this.send(reply, 'md', await this.reports.draft(organiser.id, id, lang));
  }

  @Get('report.pdf')
  @ApiProduces('application/pdf')
  async pdf(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Lang() lang: Language, @Res() reply: FastifyReply) {
    return this.send(reply, 'pdf', await this.reports.draft(organiser.id, id, lang));
  }

  private async send(reply: FastifyReply, format: ReportFormat, doc: Awaited<ReturnType<ReportService['draft']>>) {
    if (format === 'json') return reply.header('Cache-Control', 'no-store').send(doc);
    if (format === 'pdf') return sendFile(reply, 'application/pdf', 'rapportutkast.pdf', await reportPdf(doc), 'inline');
    return sendFile(reply, 'text/markdown; charset=utf-8', 'rapportutkast.md', toMarkdown(doc));
  }
}
