import { DynamicModule, Global, Module } from '@nestjs/common';
import { AuthModule, authMigrations } from '@dialogdag/auth';
import { Config, ConfigModule } from '@dialogdag/config';
import { ConferencesModule, conferencesMigrations } from '@dialogdag/conferences';
import { DatabaseModule } from '@dialogdag/database';
import { MailModule, mailMigrations } from '@dialogdag/mail';
import { ProgrammeModule, programmeMigrations } from '@dialogdag/programme';
import { RegistrationsModule, registrationsMigrations } from '@dialogdag/registrations';
import { SpeakersModule, speakersMigrations } from '@dialogdag/speakers';
import { WorkshopsModule, workshopsMigrations } from '@dialogdag/workshops';
import { SeatingModule, seatingMigrations } from '@dialogdag/seating';
import { ReimbursementsModule, reimbursementsMigrations } from '@dialogdag/reimbursements';
import { ReportsModule, reportsMigrations } from '@dialogdag/reports';
import { MessagesModule, messagesMigrations } from '@dialogdag/messages';
import { AuditModule, auditMigrations } from '@dialogdag/audit';
import { Clock } from '@dialogdag/shared';
import { WebModule } from '@dialogdag/web';
import { DemoSeeder } from './demo.seeder';
import { HealthController } from './health.controller';

/** Every lib's migrations; TypeORM applies them in timestamp order. */
export const allMigrations = [
  ...authMigrations,
  ...mailMigrations,
  ...conferencesMigrations,
  ...registrationsMigrations,
  ...speakersMigrations,
  ...programmeMigrations,
  ...workshopsMigrations,
  ...seatingMigrations,
  ...reimbursementsMigrations,
  ...reportsMigrations,
  ...messagesMigrations,
  ...auditMigrations,
];

@Global()
@Module({})
class ClockModule {
  static forRoot(clock: Clock): DynamicModule {
    return { module: ClockModule, providers: [{ provide: Clock, useValue: clock }], exports: [Clock] };
  }
}

export interface AppModuleOptions {
  config: Config;
  databaseUrl: string;
  clock: Clock;
}

@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(options.config),
        ClockModule.forRoot(options.clock),
        DatabaseModule.forRoot({ url: options.databaseUrl, migrations: allMigrations, poolSize: options.config.database.poolSize }),
        WebModule,
        MailModule,
        AuthModule,
        ConferencesModule,
        RegistrationsModule,
        SpeakersModule,
        ProgrammeModule,
        WorkshopsModule,
        SeatingModule,
        ReimbursementsModule,
        ReportsModule,
        MessagesModule,
        AuditModule,
      ],
      controllers: [HealthController],
      providers: [DemoSeeder],
    };
  }
}
