import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@dialogdag/auth';
import { ConferencesModule } from '@dialogdag/conferences';
import { MailModule } from '@dialogdag/mail';
import { Speaker } from './speaker.entity';
import { SpeakersController } from './speakers.controller';
import { SpeakersPages } from './speakers.pages';
import { SpeakersService } from './speakers.service';

/** Speakers of a conference; registers itself as the programme's speaker directory. */
@Module({
  imports: [TypeOrmModule.forFeature([Speaker]), AuthModule, ConferencesModule, MailModule],
  controllers: [SpeakersController, SpeakersPages],
  providers: [SpeakersService],
  exports: [SpeakersService],
})
export class SpeakersModule {}
