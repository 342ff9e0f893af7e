import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@dialogdag/auth';
import { ConferencesModule } from '@dialogdag/conferences';
import { MailModule } from '@dialogdag/mail';
import { ProgrammeModule } from '@dialogdag/programme';
import { PublicPages } from './public.pages';
import { Registration } from './registration.entity';
import { PublicRegistrationsController, RegistrationsController } from './registrations.controller';
import { RegistrationsService } from './registrations.service';
import { ReminderService } from './reminder.service';
import { ParticipantsService } from './extensions/participants.service';
import { RegistrationExtensions } from './extensions/registration-extensions';
import { OrganiserRegistrationsController } from './organiser/organiser-registrations.controller';
import { OrganiserRegistrationPages } from './organiser/organiser-registrations.pages';
import { OrganiserRegistrationsService } from './organiser/organiser-registrations.service';

@Module({
  imports: [TypeOrmModule.forFeature([Registration]), AuthModule, ConferencesModule, ProgrammeModule, MailModule],
  controllers: [PublicRegistrationsController, RegistrationsController, PublicPages, OrganiserRegistrationsController, OrganiserRegistrationPages],
  providers: [RegistrationsService, ReminderService, OrganiserRegistrationsService, RegistrationExtensions, ParticipantsService],
  exports: [RegistrationsService, ReminderService, OrganiserRegistrationsService, RegistrationExtensions, ParticipantsService],
})
export class RegistrationsModule {}
