import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@dialogdag/auth';
import { ConferencesModule } from '@dialogdag/conferences';
import { ProgrammeModule } from '@dialogdag/programme';
import { RegistrationsModule } from '@dialogdag/registrations';
import { ReimbursementsModule } from '@dialogdag/reimbursements';
import { ReportsAdminLinks } from './reports.admin-links';
import { EvaluationController, PublicEvaluationController } from './evaluation/evaluation.controller';
import { EvaluationFormRecord, EvaluationResponse } from './evaluation/evaluation.entity';
import { EvaluationService } from './evaluation/evaluation.service';
import { GroupNote } from './notes/group-note.entity';
import { GroupNotesController, PublicGroupNotesController } from './notes/group-notes.controller';
import { GroupNotesService } from './notes/group-notes.service';
import { EvaluationFormPages, EvaluationPages } from './pages/evaluation.pages';
import { GroupNotesPages, NoteTakerPages } from './pages/notes.pages';
import { ReportPages } from './pages/report.pages';
import { SeriesPages } from './pages/series.pages';
import { SummaryPages } from './pages/summary.pages';
import { ReportController } from './report/report.controller';
import { ReportService } from './report/report.service';
import { SeriesController } from './series/series.controller';
import { ConferenceSeries, ConferenceSeriesMember } from './series/series.entity';
import { SeriesService } from './series/series.service';
import { AttendanceController } from './summary/attendance.controller';
import { AttendanceService } from './summary/attendance.service';
import { ReportsPersonalData } from './reports.personal-data';
import { ReportsPrivacy } from './reports.privacy';

/** Attendance summaries per conference and series, group-work notes, the evaluation and the report draft. */
@Module({
  imports: [
    TypeOrmModule.forFeature([ConferenceSeries, ConferenceSeriesMember, GroupNote, EvaluationFormRecord, EvaluationResponse]),
    AuthModule,
    ConferencesModule,
    ProgrammeModule,
    RegistrationsModule,
    ReimbursementsModule,
  ],
  controllers: [
    AttendanceController, SeriesController, GroupNotesController, PublicGroupNotesController, EvaluationController, PublicEvaluationController, ReportController,
    SummaryPages, SeriesPages, GroupNotesPages, NoteTakerPages, EvaluationPages, EvaluationFormPages, ReportPages,
  ],
  providers: [ReportsAdminLinks, AttendanceService, SeriesService, GroupNotesService, EvaluationService, ReportService, ReportsPersonalData, ReportsPrivacy],
  exports: [AttendanceService, SeriesService, GroupNotesService, EvaluationService, ReportService],
})
export class ReportsModule {}
