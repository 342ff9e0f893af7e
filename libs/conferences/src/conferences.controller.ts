import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedOrganiser, CurrentOrganiser, OrganiserGuard } from '@dialogdag/auth';
import { OutboxPageQuery, OutboxService } from '@dialogdag/mail';
import { AddOrganiserDto, ConferenceView, CreateConferenceDto, UpdateConferenceDto } from './conference.dto';
import { ConferencesService } from './conferences.service';
import { toConferenceView } from './conference.view';

@ApiTags('conferences')
@ApiCookieAuth()
@ApiBearerAuth()
@UseGuards(OrganiserGuard)
@Controller('api/conferences')
export class ConferencesController {
  constructor(
    private readonly conferences: ConferencesService,
    private readonly outbox: OutboxService,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: ConferenceView })
  async create(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Body() body: CreateConferenceDto): Promise<ConferenceView> {
    return toConferenceView(await this.conferences.create(organiser.id, body));
  }

  @Get()
  async list(@CurrentOrganiser() organiser: AuthenticatedOrganiser) {
    const items = (await this.conferences.listForOrganiser(organiser.id)).map(toConferenceView);
    return { items, total: items.length };
  }

  @Get(':id')
  @ApiOkResponse({ type: ConferenceView })
  async get(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string): Promise<ConferenceView> {
    return toConferenceView(await this.conferences.get(organiser.id, id));
  }

  @Patch(':id')
  @ApiOkResponse({ type: ConferenceView })
  async update(
    @CurrentOrganiser() organiser: AuthenticatedOrganiser,
    @Param('id') id: string,
    @Body() body: UpdateConferenceDto,
  ): Promise<ConferenceView> {
    return toConferenceView(await this.conferences.update(organiser.id, id, body));
  }

  @Post(':id/publish')
  @HttpCode(200)
  @ApiOkResponse({ type: ConferenceView, description: 'Makes the conference public and opens its registration.' })
  async publish(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string): Promise<ConferenceView> {
    return toConferenceView(await this.conferences.publish(organiser.id, id));
  }

  @Post(':id/organisers')
  @HttpCode(204)
  async addOrganiser(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Body() body: AddOrganiserDto) {
    await this.conferences.addOrganiser(organiser.id, id, body.email);
  }

  @Get(':id/outbox')
  async outboxMessages(
    @CurrentOrganiser() organiser: AuthenticatedOrganiser,
    @Param('id') id: string,
    @Query() page: OutboxPageQuery,
  ) {
    await this.conferences.assertManages(organiser.id, id);
    const { items, total } = await this.outbox.listForConference(id, { limit: page.limit, offset: page.offset });
    return {
      items: items.map((m) => ({
        id: m.id,
        kind: m.kind,
        to: m.recipient,
        subject: m.subject,
        text: m.textBody,
        status: m.status,
        attempts: m.attempts,
        lastError: m.lastError,
        createdAt: m.createdAt.toISOString(),
        sentAt: m.sentAt?.toISOString() ?? null,
      })),
      total,
    };
  }
}
