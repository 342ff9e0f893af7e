import { Module } from '@nestjs/common';
import { MessagesAdminLinks } from './messages.admin-links';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@dialogdag/auth';
import { ConferencesModule } from '@dialogdag/conferences';
import { MailModule } from '@dialogdag/mail';
import { ProgrammeModule } from '@dialogdag/programme';
import { RegistrationsModule } from '@dialogdag/registrations';
import { ReimbursementsModule } from '@dialogdag/reimbursements';
import { SeatingModule } from '@dialogdag/seating';
import { SpeakersModule } from '@dialogdag/speakers';
import { WorkshopsModule } from '@dialogdag/workshops';
import { MessageDeliveryJob } from './delivery/message-delivery.job';
import { ConferenceMailTexts } from './mail-texts/conference-mail-texts';
import { MailText } from './mail-texts/mail-text.entity';
import { MailTextSamples } from './mail-texts/mail-text-samples';
import { MailTextsController } from './mail-texts/mail-texts.controller';
import { MailTextsService } from './mail-texts/mail-texts.service';
import { MailTextsPages } from './pages/mail-texts.pages';
import { Message, MessageRecipient } from './message.entity';
import { MessageRecordsService } from './message-records.service';
import { MessagesController } from './messages.controller';
import { MessagesPages } from './pages/messages.pages';
import { MessagesService } from './messages.service';
import { ReceivedMessagesSection } from './received-messages.section';
import { MessagesPersonalData } from './messages.personal-data';
import { MessagesPrivacy } from './messages.privacy';
import { CriterionResolvers } from './recipients/criterion-resolvers';
import { FilterChoiceLoader } from './recipients/filter-choices';
import { PlaceholderFacts } from './recipients/placeholder-facts';
import { RecipientsService } from './recipients/recipients.service';

/** Messages that organisers compose and send to chosen participants and speakers. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Message, MessageRecipient, MailText]),
    AuthModule,
    ConferencesModule,
    MailModule,
    ProgrammeModule,
    RegistrationsModule,
    SpeakersModule,
    WorkshopsModule,
    SeatingModule,
    ReimbursementsModule,
  ],
  controllers: [MessagesController, MailTextsController, MessagesPages, MailTextsPages],
  providers: [
    MessagesAdminLinks,
    MessagesService,
    MessageRecordsService,
    RecipientsService,
    CriterionResolvers,
    FilterChoiceLoader,
    PlaceholderFacts,
    MessageDeliveryJob,
    ReceivedMessagesSection,
    MessagesPersonalData,
    MessagesPrivacy,
    ConferenceMailTexts,
    MailTextSamples,
    MailTextsService,
  ],
  exports: [MessagesService, MessageRecordsService, ReceivedMessagesSection, MessageDeliveryJob, MailTextsService],
})
export class MessagesModule {}
