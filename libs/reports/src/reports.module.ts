import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@dialogdag/auth';
import { ConferencesModule } from '@dialogdag/conferences';
import { RegistrationsModule } from '@dialogdag/registrations';
import { SeriesController } from './series/series.controller';
import { ConferenceSeries, ConferenceSeriesMember } from './series/series.entity';
import { SeriesService } from './series/series.service';
import { AttendanceController } from './summary/attendance.controller';
import { AttendanceService } from './summary/attendance.service';

/** Attendance summaries per conference and series, group-work notes, the evaluation and the report draft. */
@Module({
  imports: [TypeOrmModule.forFeature([ConferenceSeries, ConferenceSeriesMember]), AuthModule, ConferencesModule, RegistrationsModule],
  controllers: [AttendanceController, SeriesController],
  providers: [AttendanceService, SeriesService],
  exports: [AttendanceService, SeriesService],
})
export class ReportsModule implements OnModuleInit {
  onModuleInit(): void {}
}
