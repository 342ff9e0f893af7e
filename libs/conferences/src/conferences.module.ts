import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@dialogdag/auth';
import { MailModule } from '@dialogdag/mail';
import { Conference, ConferenceOrganiser } from './conference.entity';
import { ConferencePages } from './conference.pages';
import { ConferencesController } from './conferences.controller';
import { ConferencesService } from './conferences.service';
import { ConferenceAdminExtensions } from './conference-admin.extensions';

@Module({
  imports: [TypeOrmModule.forFeature([Conference, ConferenceOrganiser]), AuthModule, MailModule],
  controllers: [ConferencesController, ConferencePages],
  providers: [ConferencesService, ConferenceAdminExtensions],
  exports: [ConferencesService, ConferenceAdminExtensions],
})
export class ConferencesModule {}
