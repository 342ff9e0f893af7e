import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@dialogdag/auth';
import { MailModule } from '@dialogdag/mail';
import { Conference, ConferenceOrganiser } from './conference.entity';
import { ConferencePages } from './conference.pages';
import { ConferencesController } from './conferences.controller';
import { ConferencesService } from './conferences.service';
import { ConferenceAdminExtensions } from './conference-admin.extensions';
import { ConferenceInvitation } from './members/invitation.entity';
import { InvitationPages } from './members/invitation.pages';
import { InvitationsService } from './members/invitations.service';
import { InvitationsController, MembersController } from './members/members.controller';
import { MembersPages } from './members/members.pages';
import { MembersService } from './members/members.service';

@Module({
  imports: [TypeOrmModule.forFeature([Conference, ConferenceOrganiser, ConferenceInvitation]), AuthModule, MailModule],
  controllers: [ConferencesController, ConferencePages, MembersController, InvitationsController, MembersPages, InvitationPages],
  providers: [ConferencesService, ConferenceAdminExtensions, MembersService, InvitationsService],
  exports: [ConferencesService, ConferenceAdminExtensions, MembersService],
})
export class ConferencesModule {}
