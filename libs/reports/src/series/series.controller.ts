import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuthenticatedOrganiser, CurrentOrganiser, SignedIn } from '@dialogdag/auth';
import { Language, toStockholmIso } from '@dialogdag/shared';
import { Lang } from '@dialogdag/web';
import { parseExportFormat, sendCsv } from '../http-replies';
import { seriesCsv } from '../summary/attendance.export';
import { AddConferenceDto, CreateSeriesDto, SeriesView, UpdateSeriesDto } from './series.dto';
import { SeriesService, toSeriesView } from './series.service';

@ApiTags('reports')
@ApiCookieAuth()
@ApiBearerAuth()
@SignedIn()
@Controller('api/series')
export class SeriesController {
  constructor(private readonly series: SeriesService) {}

  @Post()
  @ApiCreatedResponse({ type: SeriesView })
  async create(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Body() body: CreateSeriesDto): Promise<SeriesView> {
    return toSeriesView(await this.series.create(organiser.id, body));
  }

  @Get()
  @ApiOperation({ summary: 'Series you created or that hold a conference you manage' })
  async list(@CurrentOrganiser() organiser: AuthenticatedOrganiser) {
    const items = (await this.series.list(organiser.id)).map(toSeriesView);
    return { items, total: items.length };
  }

  @Get(':id')
  @ApiOkResponse({ type: SeriesView })
  @ApiNotFoundResponse({ description: 'Unknown, or not yours' })
  async get(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string): Promise<SeriesView> {
    return toSeriesView(await this.series.get(organiser.id, id));
  }

  @Patch(':id')
  @ApiOkResponse({ type: SeriesView })
  async update(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Body() body: UpdateSeriesDto): Promise<SeriesView> {
    return toSeriesView(await this.series.update(organiser.id, id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete the series (its conferences stay)' })
  @ApiNoContentResponse()
  async remove(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string): Promise<void> {
    await this.series.remove(organiser.id, id);
  }

  @Post(':id/conferences')
  @HttpCode(200)
  @ApiOperation({ summary: 'Add a conference you manage (idempotent)' })
  @ApiOkResponse({ type: SeriesView })
  @ApiConflictResponse({ description: 'The conference belongs to another series' })
  async addConference(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Body() body: AddConferenceDto): Promise<SeriesView> {
    return toSeriesView(await this.series.addConference(organiser.id, id, body.conferenceId));
  }

  @Delete(':id/conferences/:conferenceId')
  @ApiOkResponse({ type: SeriesView })
  async removeConference(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Param('conferenceId') conferenceId: string): Promise<SeriesView> {
    return toSeriesView(await this.series.removeConference(organiser.id, id, conferenceId));
  }

  @Get(':id/attendance-summary')
  @ApiOperation({
    summary: 'One row per conference (in date order) and totals; organisations, municipalities and regions counted once across the series',
  })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv'] })
  @ApiProduces('application/json', 'text/csv')
  async summary(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Query('format') format: unknown, @Lang() lang: Language, @Res() reply: FastifyReply) {
    const wanted = parseExportFormat(format, ['json', 'csv']);
    const { series, summary } = await this.series.summary(organiser.id, id);
    if (wanted === 'csv') return sendCsv(reply, 'serie.csv', seriesCsv(summary, series.title, lang));
    return reply.header('Cache-Control', 'no-store').send({
      seriesId: series.id,
      title: series.title,
      conferences: summary.conferences.map(({ summary: s, startsAt, ...c }) => ({
        ...c,
        date: toStockholmIso(startsAt).slice(0, 10),
        startsAt: toStockholmIso(startsAt),
        ...s,
      })),
      totals: summary.totals,
    });
  }
}
