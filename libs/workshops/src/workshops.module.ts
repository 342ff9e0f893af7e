import { Module } from '@nestjs/common';
import { WorkshopsAdminLinks } from './workshops.admin-links';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@dialogdag/auth';
import { ConferencesModule } from '@dialogdag/conferences';
import { MailModule } from '@dialogdag/mail';
import { ProgrammeModule } from '@dialogdag/programme';
import { RegistrationsModule } from '@dialogdag/registrations';
import { SpeakersModule } from '@dialogdag/speakers';
import { AssignmentController } from './assignment.controller';
import { AssignmentPages } from './assignment.pages';
import { AssignmentService } from './assignment.service';
import { WorkshopRegistrationHooks } from './registration-hooks';
import { Workshop, WorkshopAssignment, WorkshopInspirer, WorkshopRun } from './workshop.entity';
import { WorkshopCatalogue } from './workshop-catalogue';
import { WorkshopNotifyService } from './workshop-notify.service';
import { WorkshopRounds } from './workshop-rounds';
import { WorkshopsController } from './workshops.controller';
import { WorkshopsPages } from './workshops.pages';
import { WorkshopsService } from './workshops.service';
import { WorkshopsPersonalData } from './workshops.personal-data';

/** Workshops per conference, ranked preferences, the optimal assignment and dialogue groups. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Workshop, WorkshopInspirer, WorkshopAssignment, WorkshopRun]),
    AuthModule,
    ConferencesModule,
    SpeakersModule,
    ProgrammeModule,
    RegistrationsModule,
    MailModule,
  ],
  controllers: [WorkshopsController, AssignmentController, WorkshopsPages, AssignmentPages],
  providers: [WorkshopsAdminLinks, WorkshopCatalogue, WorkshopsService, WorkshopRounds, AssignmentService, WorkshopNotifyService, WorkshopRegistrationHooks, WorkshopsPersonalData],
  exports: [WorkshopsService, AssignmentService],
})
export class WorkshopsModule {}
