import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@dialogdag/auth';
import { MailModule } from '@dialogdag/mail';
import { Conference, ConferenceOrganiser } from './conference.entity';
import { ConferencePages } from './conference.pages';
import { ConferencesController } from './conferences.controller';
import { ConferencesService } from './conferences.service';
import { ProgrammeItem, ProgrammeItemSpeaker } from './programme/programme-item.entity';
import { ProgrammeController } from './programme/programme.controller';
import { ProgrammePages } from './programme/programme.pages';
import { ProgrammeService } from './programme/programme.service';
import { PublicProgrammeController, PublicProgrammePages } from './programme/public-programme.controller';
import { PublicConferencesController } from './public-conferences.controller';

@Module({
  imports: [TypeOrmModule.forFeature([Conference, ConferenceOrganiser, ProgrammeItem, ProgrammeItemSpeaker]), AuthModule, MailModule],
  controllers: [
    ConferencesController,
    PublicConferencesController,
    ConferencePages,
    ProgrammeController,
    PublicProgrammeController,
    PublicProgrammePages,
    ProgrammePages,
  ],
  providers: [ConferencesService, ProgrammeService],
  exports: [ConferencesService, ProgrammeService],
})
export class ConferencesModule {}
