import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@dialogdag/auth';
import { ConferencesModule } from '@dialogdag/conferences';
import { MailModule } from '@dialogdag/mail';
import { PublicPages } from './public.pages';
import { Registration } from './registration.entity';
import { PublicRegistrationsController, RegistrationsController } from './registrations.controller';
import { RegistrationsService } from './registrations.service';

@Module({
  imports: [TypeOrmModule.forFeature([Registration]), AuthModule, ConferencesModule, MailModule],
  controllers: [PublicRegistrationsController, RegistrationsController, PublicPages],
  providers: [RegistrationsService],
  exports: [RegistrationsService],
})
export class RegistrationsModule {}
