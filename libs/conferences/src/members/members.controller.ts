import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth, ApiConflictResponse, ApiCookieAuth, ApiCreatedResponse, ApiForbiddenResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedOrganiser, CurrentOrganiser, Requires, SignedIn } from '@dialogdag/auth';
import { Language } from '@dialogdag/shared';
import { Lang } from '@dialogdag/web';
import { AcceptedInvitationView, ChangeRoleDto, InvitationListView, InvitationView, InviteDto, MemberListView, MemberView } from './members.dto';
import { InvitationsService } from './invitations.service';
import { memberNotFound } from './members.errors';
import { MembersService } from './members.service';

@ApiTags('members')
@ApiCookieAuth()
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Only the conference’s owners manage who runs it.' })
@Requires('members.manage')
@Controller('api/conferences/:id')
export class MembersController {
  constructor(
    private readonly members: MembersService,
    private readonly invitations: InvitationsService,
  ) {}

  @Get('members')
  @ApiOkResponse({ type: MemberListView, description: 'Everyone who runs the conference, owners first, with their role.' })
  async list(@Param('id') id: string): Promise<MemberListView> {
    const items = await this.members.list(id);
    return { items, total: items.length };
  }

  @Patch('members/:organiserId')
  @ApiOkResponse({ type: MemberView })
  @ApiConflictResponse({ description: 'The last owner cannot be given another role.' })
  async changeRole(@Param('id') id: string, @Param('organiserId', new ParseUUIDPipe()) organiserId: string, @Body() body: ChangeRoleDto): Promise<MemberView> {
    await this.members.changeRole(id, organiserId, body.role);
    const member = (await this.members.list(id)).find((m) => m.organiserId === organiserId);
    if (!member) throw memberNotFound();
    return member;
  }

  @Delete('members/:organiserId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Removed; their API tokens no longer reach this conference.' })
  @ApiConflictResponse({ description: 'The last owner cannot be removed.' })
  async remove(@Param('id') id: string, @Param('organiserId', new ParseUUIDPipe()) organiserId: string): Promise<void> {
    await this.members.remove(id, organiserId);
  }

  @Get('invitations')
  @ApiOkResponse({ type: InvitationListView, description: 'Invitations not yet accepted and still valid, newest first.' })
  async pending(@Param('id') id: string): Promise<InvitationListView> {
    const items = await this.invitations.pending(id);
    return { items, total: items.length };
  }

  @Post('invitations')
  @ApiOperation({ summary: 'Invite someone by e-mail', description: 'E-mails a single-use link valid for seven days; someone without an account creates one through it. A new invitation to the same address replaces an unanswered one.' })
  @ApiCreatedResponse({ type: InvitationView })
  @ApiConflictResponse({ description: 'Already takes part in running the conference.' })
  invite(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Body() body: InviteDto, @Lang() lang: Language): Promise<InvitationView> {
    return this.invitations.invite(organiser, id, body, lang);
  }

  @Delete('invitations/:invitationId')
  @HttpCode(204)
  async withdraw(@Param('id') id: string, @Param('invitationId', new ParseUUIDPipe()) invitationId: string): Promise<void> {
    await this.invitations.withdraw(id, invitationId);
  }
}

@ApiTags('members')
@ApiCookieAuth()
@ApiBearerAuth()
@SignedIn()
@Controller('api/invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post(':token/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept an invitation with the signed-in account', description: 'Any account may accept it; the link then stops working.' })
  @ApiOkResponse({ type: AcceptedInvitationView })
  accept(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('token') token: string): Promise<AcceptedInvitationView> {
    return this.invitations.accept(token, organiser.id);
  }
}
