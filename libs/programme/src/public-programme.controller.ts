import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PublicRoute } from '@dialogdag/auth';
import { AppConfig } from '@dialogdag/config';
import { Language } from '@dialogdag/shared';
import { Lang, renderPage, sendPage } from '@dialogdag/web';
import { ProgrammeView } from './programme.dto';
import { programmeCalendar } from './programme.ics';
import { renderPrintableProgramme } from './programme.render';
import { Programme, ProgrammeService } from './programme.service';
import { toProgrammeView } from './programme.view';
import { frabSchedule } from './schedule.export';
import { frabScheduleXml } from './schedule.xml';

@ApiTags('public')
@PublicRoute()
@Controller('api/public/conferences/:slug')
export class PublicProgrammeController {
  constructor(
    private readonly programme: ProgrammeService,
    private readonly config: AppConfig,
  ) {}

  @Get('programme')
  @ApiOkResponse({ type: ProgrammeView })
  async get(@Param('slug') slug: string): Promise<ProgrammeView> {
    return toProgrammeView(await this.published(slug));
  }

  @Get('programme.ics')
  @ApiOperation({ summary: 'The programme as an iCalendar feed (Europe/Stockholm, one event per item, stable UIDs)' })
  @ApiProduces('text/calendar')
  async ics(@Param('slug') slug: string, @Res() reply: FastifyReply) {
    const programme = await this.published(slug);
    const body = programmeCalendar(programme, this.config.publicBaseUrl());
    return reply
      .status(200)
      .header('Content-Type', 'text/calendar; charset=utf-8')
      .header('Content-Disposition', `inline; filename="${programme.conference.slug}.ics"`)
      .header('Cache-Control', 'public, max-age=300')
      .send(body);
  }

  @Get('schedule.json')
  @ApiOperation({ summary: 'The programme in the frab/pretalx schedule format (JSON)' })
  async scheduleJson(@Param('slug') slug: string) {
    return frabSchedule(await this.published(slug), this.config.publicBaseUrl());
  }

  @Get('schedule.xml')
  @ApiOperation({ summary: 'The programme in the frab/pretalx schedule format (XML)' })
  @ApiProduces('application/xml')
  async scheduleXml(@Param('slug') slug: string, @Res() reply: FastifyReply) {
    const schedule = frabSchedule(await this.published(slug), this.config.publicBaseUrl());
    return reply.status(200).header('Content-Type', 'application/xml; charset=utf-8').send(frabScheduleXml(schedule));
  }

  private published(slug: string): Promise<Programme> {
    return this.programme.forPublishedConference(slug);
  }
}

/** The printable programme, /c/:slug/programme. */
@ApiExcludeController()
@PublicRoute()
@Controller('c/:slug/programme')
export class PublicProgrammePages {
  constructor(private readonly programme: ProgrammeService) {}

  @Get()
  async printable(@Lang() lang: Language, @Param('slug') slug: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const programme = await this.programme.forPublishedConference(slug);
    return sendPage(reply, renderPage({ lang, path: req.url, title: programme.conference.title, body: renderPrintableProgramme(programme, lang), print: true }));
  }
}
