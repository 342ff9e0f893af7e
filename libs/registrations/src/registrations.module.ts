import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@dialogdag/auth';
import { ConferencePageModule, ConferencesModule } from '@dialogdag/conferences';
import { MailModule } from '@dialogdag/mail';
import { ProgrammeModule } from '@dialogdag/programme';
import { RegistrationWriter } from './batch/registration-writer';
import { BookTablesController } from './book-tables/book-tables.controller';
import { BookTablesPages } from './book-tables/book-tables.pages';
import { BookTablesService } from './book-tables/book-tables.service';
import { Cancellations } from './cancellations.service';
import { CheckInScannerAsset } from './check-in/check-in-scanner.asset';
import { CheckInService } from './check-in/check-in.service';
import { ParticipantsService } from './extensions/participants.service';
import { RegistrationExtensions } from './extensions/registration-extensions';
import { CheckInPages } from './organiser/check-in.pages';
import { FeesPages } from './organiser/fees.pages';
import { OrganiserPage } from './organiser/organiser-page';
import { OrganiserRegistrationsController } from './organiser/organiser-registrations.controller';
import { OrganiserRegistrationsService } from './organiser/organiser-registrations.service';
import { ParticipantListPages } from './organiser/participant-list.pages';
import { PersonalLinks } from './personal-links.service';
import { RegistrationSections } from './public/registration-sections';
import { PersonalPageView } from './public/personal-page.view';
import { PublicForms } from './public/public-forms';
import { PublicPages } from './public/public.pages';
import { Registration } from './registration.entity';
import { RegistrationMail } from './registration-mail';
import { PublicRegistrationsController, RegistrationsController } from './registrations.controller';
import { RegistrationsService } from './registrations.service';
import { ReminderService } from './reminder.service';
import { Transfers } from './transfers.service';
import { WaitingList } from './waiting-list.service';

@Module({
  imports: [TypeOrmModule.forFeature([Registration]), AuthModule, ConferencesModule, ConferencePageModule, ProgrammeModule, MailModule],
  controllers: [
    PublicRegistrationsController,
    RegistrationsController,
    PublicPages,
    OrganiserRegistrationsController,
    ParticipantListPages,
    CheckInPages,
    FeesPages,
    BookTablesController,
    BookTablesPages,
    CheckInScannerAsset,
  ],
  providers: [
    RegistrationsService,
    RegistrationWriter,
    Cancellations,
    Transfers,
    WaitingList,
    PersonalLinks,
    RegistrationMail,
    ReminderService,
    OrganiserRegistrationsService,
    CheckInService,
    BookTablesService,
    RegistrationExtensions,
    ParticipantsService,
    OrganiserPage,
    PublicForms,
    RegistrationSections,
    PersonalPageView,
  ],
  exports: [RegistrationsService, ReminderService, OrganiserRegistrationsService, RegistrationExtensions, ParticipantsService, BookTablesService, CheckInService],
})
export class RegistrationsModule {}
