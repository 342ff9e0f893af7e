import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@dialogdag/auth';
import { ConferencesModule } from '@dialogdag/conferences';
import { MailModule } from '@dialogdag/mail';
import { SpeakersModule } from '@dialogdag/speakers';
import { ProgrammeItem, ProgrammeItemSpeaker, ProgrammeModerator } from './programme-item.entity';
import { ProgrammeCommands } from './programme.commands';
import { ProgrammeController } from './programme.controller';
import { ProgrammePages } from './programme.pages';
import { ProgrammeReactions } from './programme.reactions';
import { ProgrammeService } from './programme.service';
import { ProgrammeWriter } from './programme.writer';
import { PublicConferenceController } from './public-conference.controller';
import { PublicProgrammeController, PublicProgrammePages } from './public-programme.controller';
import { SpeakerSlotsController, SpeakerSlotsPages } from './speaker-slots.controller';
import { SpeakerSlotsService } from './speaker-slots.service';

/** A conference's programme: items, their speakers, the moderator of the day; its pages, feeds and exports. */
@Module({
  imports: [TypeOrmModule.forFeature([ProgrammeItem, ProgrammeItemSpeaker, ProgrammeModerator]), AuthModule, ConferencesModule, SpeakersModule, MailModule],
  controllers: [
    ProgrammeController,
    PublicConferenceController,
    PublicProgrammeController,
    PublicProgrammePages,
    ProgrammePages,
    SpeakerSlotsController,
    SpeakerSlotsPages,
  ],
  providers: [ProgrammeService, ProgrammeCommands, ProgrammeWriter, ProgrammeReactions, SpeakerSlotsService],
  exports: [ProgrammeService, ProgrammeCommands],
})
export class ProgrammeModule {}
