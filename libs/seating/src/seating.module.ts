import { Module } from '@nestjs/common';
import { SeatingAdminLinks } from './seating.admin-links';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@dialogdag/auth';
import { ConferencesModule } from '@dialogdag/conferences';
import { RegistrationsModule } from '@dialogdag/registrations';
import { SpeakersModule } from '@dialogdag/speakers';
import { SeatingPdfService } from './seating-pdf.service';
import { SeatingController } from './seating.controller';
import { SeatingFixedRow, SeatingPlanRow, SeatingRequestRow, SeatingSeatRow, SeatingTableRow } from './seating.entities';
import { SeatingHooks } from './seating.hooks';
import { SeatingPages } from './seating.pages';
import { SeatingService } from './seating.service';
import { TablesService } from './tables.service';
import { SeatingPersonalData } from './seating.personal-data';

/** Tables of a conference and the placement of its seat holders at them. */
@Module({
  imports: [
    TypeOrmModule.forFeature([SeatingTableRow, SeatingSeatRow, SeatingFixedRow, SeatingRequestRow, SeatingPlanRow]),
    AuthModule,
    ConferencesModule,
    RegistrationsModule,
    SpeakersModule,
  ],
  controllers: [SeatingController, SeatingPages],
  providers: [SeatingAdminLinks, TablesService, SeatingService, SeatingPdfService, SeatingHooks, SeatingPersonalData],
  exports: [SeatingService, TablesService],
})
export class SeatingModule {}
