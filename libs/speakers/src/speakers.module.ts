import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@dialogdag/auth';
import { ConferencesModule } from '@dialogdag/conferences';
import { Speaker } from './speaker.entity';
import { SpeakersController } from './speakers.controller';
import { SpeakersPages } from './speakers.pages';
import { SpeakersService } from './speakers.service';

/** Speakers of a conference. The programme (its own lib) refers to them; this lib knows nothing of it. */
@Module({
  imports: [TypeOrmModule.forFeature([Speaker]), AuthModule, ConferencesModule],
  controllers: [SpeakersController, SpeakersPages],
  providers: [SpeakersService],
  exports: [SpeakersService],
})
export class SpeakersModule {}
