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
import { Anonymiser } from './privacy/anonymiser';
import { Erasure } from './privacy/erasure.service';
import { NewPersonalLink } from './privacy/new-link.service';
import { ParticipantPages } from './privacy/participant.pages';
import { ParticipantRecord } from './privacy/participant-record';
import { PersonalDataExport } from './privacy/personal-data.service';
import { OrganiserPrivacyController, PublicPrivacyController } from './privacy/privacy.controller';
import { PrivacyPages } from './privacy/privacy.pages';
import { RegistrationRetention } from './privacy/retention.job';
import { PublicFormBotCheck } from './public/public-form-bot-check';
import { loadRegistrationsConfig, RegistrationsConfig } from './registrations.config';

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
    PublicPrivacyController,
    OrganiserPrivacyController,
    PrivacyPages,
    ParticipantPages,
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
    { provide: RegistrationsConfig, useFactory: () => loadRegistrationsConfig(process.env) },
    PublicFormBotCheck,
    Anonymiser,
    Erasure,
    NewPersonalLink,
    PersonalDataExport,
    ParticipantRecord,
    RegistrationRetention,
  ],
  exports: [
    RegistrationsService, ReminderService, OrganiserRegistrationsService, RegistrationExtensions, ParticipantsService, BookTablesService, CheckInService,
    RegistrationRetention,
  ],
})
export class RegistrationsModule {}
