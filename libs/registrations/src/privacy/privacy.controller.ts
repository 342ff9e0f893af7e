import { Body, Controller, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCookieAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedOrganiser, CurrentOrganiser, PublicRoute, Requires } from '@dialogdag/auth';
import { Erasure, ErasureResult } from './erasure.service';
import { NewPersonalLink } from './new-link.service';
import { PersonalDataExport } from './personal-data.service';
import { EraseDto, ErasureView, NewLinkView } from './privacy.dto';

const toErasureView = (r: ErasureResult): ErasureView => ({ status: 'erased', registrationStatus: r.status, cancelled: r.cancelled, fee: r.fee });

@ApiTags('public')
@PublicRoute()
@Controller('api/public/registrations/:token')
export class PublicPrivacyController {
  constructor(
    private readonly exporter: PersonalDataExport,
    private readonly erasure: Erasure,
  ) {}

  @Get('data')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({
    description:
      'Everything held about the person: the registration, and a section per lib (workshops, table, travelClaims, messages, evaluation); bank details are stored encrypted and left out',
  })
  @ApiNotFoundResponse({ description: 'Unknown, transferred or erased link' })
  async data(@Param('token') token: string): Promise<Record<string, unknown>> {
    return (await this.exporter.forToken(token)).data;
  }

  @Post('erase')
  @HttpCode(200)
  @ApiOkResponse({ type: ErasureView, description: 'Cancelled first when active (before the start, under the fee rules), then anonymised; the link stops working' })
  @ApiConflictResponse({ description: 'Erasing now costs other than expectedFee (fee_changed)' })
  @ApiNotFoundResponse({ description: 'Unknown, transferred or erased link' })
  async erase(@Param('token') token: string, @Body() body: EraseDto): Promise<ErasureView> {
    return toErasureView(await this.erasure.eraseByToken(token, body?.expectedFee));
  }
}

@ApiTags('registrations')
@ApiCookieAuth()
@ApiBearerAuth()
@Requires('participants.manage')
@Controller('api/conferences/:id/registrations/:rid')
export class OrganiserPrivacyController {
  constructor(
    private readonly erasure: Erasure,
    private readonly newLink: NewPersonalLink,
  ) {}

  @Post('erase')
  @HttpCode(200)
  @ApiOkResponse({ type: ErasureView, description: 'Cancelled first when active before the start (the fee rules apply; waive separately), then anonymised' })
  @ApiConflictResponse({ description: 'Already erased, or erasing now costs other than expectedFee' })
  async erase(
    @CurrentOrganiser() organiser: AuthenticatedOrganiser,
    @Param('id') conferenceId: string,
    @Param('rid') registrationId: string,
    @Body() body: EraseDto,
  ): Promise<ErasureView> {
    return toErasureView(await this.erasure.eraseByOrganiser(organiser.id, conferenceId, registrationId, body?.expectedFee));
  }

  @Post('new-link')
  @HttpCode(200)
  @ApiOkResponse({ type: NewLinkView, description: 'Every earlier personal link stops working; the new one is e-mailed to the participant' })
  @ApiConflictResponse({ description: 'Transferred (the colleague has a link of their own) or erased' })
  async renewLink(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') conferenceId: string, @Param('rid') registrationId: string): Promise<NewLinkView> {
    return this.newLink.issue(organiser.id, conferenceId, registrationId);
  }
}
