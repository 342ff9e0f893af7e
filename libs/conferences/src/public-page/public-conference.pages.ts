import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PublicRoute } from '@dialogdag/auth';
import { Language } from '@dialogdag/shared';
import { Lang, sendPage } from '@dialogdag/web';
import { ConferencesService } from '../conferences.service';
import { ConferencePageRenderer } from './conference-page.renderer';

/** The start page and the public page of a published conference. */
@ApiExcludeController()
@PublicRoute()
@Controller()
export class PublicConferencePages {
  constructor(
    private readonly conferences: ConferencesService,
    private readonly renderer: ConferencePageRenderer,
  ) {}

  @Get()
  async home(@Lang() lang: Language, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return sendPage(reply, await this.renderer.home(lang, req.url));
  }

  @Get('c/:slug')
  async conference(@Lang() lang: Language, @Param('slug') slug: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const conference = await this.conferences.findPublishedBySlug(slug);
    return sendPage(reply, await this.renderer.page(lang, req.url, conference));
  }
}
