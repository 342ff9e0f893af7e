import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedOrganiser, ConferenceRole, CurrentOrganiser, CurrentRole, Requires, SignedIn } from '@dialogdag/auth';
import { OutboxPageQuery, OutboxService } from '@dialogdag/mail';
import { ConferenceView, CreateConferenceDto, UpdateConferenceDto } from './conference.dto';
import { ConferencesService } from './conferences.service';
import { toConferenceView } from './conference.view';
import { MembersService } from './members/members.service';
import { outboxKindsHiddenFrom } from './members/invitations.service';

@ApiTags('conferences')
@ApiCookieAuth()
@ApiBearerAuth()
@Controller('api/conferences')
export class ConferencesController {
  constructor(
    private readonly conferences: ConferencesService,
    private readonly members: MembersService,
    private readonly outbox: OutboxService,
  ) {}

  @Post()
  @SignedIn()
  @ApiCreatedResponse({ type: ConferenceView, description: 'Whoever creates a conference is its owner.' })
  async create(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Body() body: CreateConferenceDto): Promise<ConferenceView> {
    return { ...toConferenceView(await this.conferences.create(organiser.id, body)), role: 'owner' };
  }

  @Get()
  @SignedIn()
  @ApiOkResponse({ description: 'The conferences you take part in running, each with your role.' })
  async list(@CurrentOrganiser() organiser: AuthenticatedOrganiser) {
    const items = (await this.members.memberships(organiser.id)).map(({ conference, role }) => ({ ...toConferenceView(conference), role }));
    return { items, total: items.length };
  }

  @Get(':id')
  @Requires('conference.view')
  @ApiOkResponse({ type: ConferenceView })
  async get(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @CurrentRole() role: ConferenceRole, @Param('id') id: string): Promise<ConferenceView> {
    return { ...toConferenceView(await this.conferences.get(organiser.id, id)), role };
  }

  @Patch(':id')
  @Requires('conference.edit')
  @ApiOkResponse({ type: ConferenceView })
  async update(
    @CurrentOrganiser() organiser: AuthenticatedOrganiser,
    @CurrentRole() role: ConferenceRole,
    @Param('id') id: string,
    @Body() body: UpdateConferenceDto,
  ): Promise<ConferenceView> {
    return { ...toConferenceView(await this.conferences.update(organiser.id, id, body)), role };
  }

  @Post(':id/publish')
  @Requires('conference.edit')
  @HttpCode(200)
  @ApiOkResponse({ type: ConferenceView, description: 'Makes the conference public and opens its registration.' })
  async publish(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @CurrentRole() role: ConferenceRole, @Param('id') id: string): Promise<ConferenceView> {
    return { ...toConferenceView(await this.conferences.publish(organiser.id, id)), role };
  }

  /** The e-mails carry personal links, which act for the participant: as much as managing participants. */
  @Get(':id/outbox')
  @Requires('participants.manage')
  async outboxMessages(
    @CurrentOrganiser() organiser: AuthenticatedOrganiser,
    @CurrentRole() role: ConferenceRole,
    @Param('id') id: string,
    @Query() page: OutboxPageQuery,
  ) {
    await this.conferences.assertManages(organiser.id, id);
    const { items, total } = await this.outbox.listForConference(id, { limit: page.limit, offset: page.offset, exceptKinds: outboxKindsHiddenFrom(role) });
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
