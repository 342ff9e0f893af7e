import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '@dialogdag/config';
import { Language } from '@dialogdag/shared';
import { Lang, renderPage, sendPage } from '@dialogdag/web';
import { ConferencesService } from '@dialogdag/conferences';
import { ProgrammeView } from './programme.dto';
import { programmeCalendar } from './programme.ics';
import { renderPrintableProgramme } from './programme.render';
import { ProgrammeService } from './programme.service';
import { toProgrammeView } from './programme.view';
import { frabSchedule, frabScheduleXml } from './schedule.export';

@ApiTags('public')
@Controller('api/public/conferences/:slug')
export class PublicProgrammeController {
  constructor(
    private readonly conferences: ConferencesService,
    private readonly programme: ProgrammeService,
    private readonly config: AppConfig,
  ) {}

  @Get('programme')
  @ApiOkResponse({ type: ProgrammeView })
  async get(@Param('slug') slug: string): Promise<ProgrammeView> {
    const conference = await this.conferences.findPublishedBySlug(slug);
    return toProgrammeView(await this.programme.forConference(conference.id));
  }

  @Get('programme.ics')
  @ApiOperation({ summary: 'The programme as an iCalendar feed (Europe/Stockholm, one event per item, stable UIDs)' })
  @ApiProduces('text/calendar')
  async ics(@Param('slug') slug: string, @Res() reply: FastifyReply) {
    const conference = await this.conferences.findPublishedBySlug(slug);
    const body = programmeCalendar(await this.programme.forConference(conference.id), this.config.publicBaseUrl());
    return reply
      .status(200)
      .header('Content-Type', 'text/calendar; charset=utf-8')
      .header('Content-Disposition', `inline; filename="${conference.slug}.ics"`)
      .header('Cache-Control', 'public, max-age=300')
      .send(body);
  }

  @Get('schedule.json')
  @ApiOperation({ summary: 'The programme in the frab/pretalx schedule format (JSON)' })
  async scheduleJson(@Param('slug') slug: string) {
    const conference = await this.conferences.findPublishedBySlug(slug);
    return frabSchedule(await this.programme.forConference(conference.id), `${this.config.publicBaseUrl()}/c/${conference.slug}`);
  }

  @Get('schedule.xml')
  @ApiOperation({ summary: 'The programme in the frab/pretalx schedule format (XML)' })
  @ApiProduces('application/xml')
  async scheduleXml(@Param('slug') slug: string, @Res() reply: FastifyReply) {
    const conference = await this.conferences.findPublishedBySlug(slug);
    const schedule = frabSchedule(await this.programme.forConference(conference.id), `${this.config.publicBaseUrl()}/c/${conference.slug}`);
    return reply.status(200).header('Content-Type', 'application/xml; charset=utf-8').send(frabScheduleXml(schedule));
  }
}

/** The printable programme, /c/:slug/programme. */
@ApiExcludeController()
@Controller('c/:slug/programme')
export class PublicProgrammePages {
  constructor(
    private readonly conferences: ConferencesService,
    private readonly programme: ProgrammeService,
  ) {}

  @Get()
  async printable(@Lang() lang: Language, @Param('slug') slug: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const conference = await this.conferences.findPublishedBySlug(slug);
    const programme = await this.programme.forConference(conference.id);
    return sendPage(reply, renderPage({ lang, path: req.url, title: conference.title, body: renderPrintableProgramme(programme, lang), print: true }));
  }
}
