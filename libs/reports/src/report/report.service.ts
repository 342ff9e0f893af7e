import { Injectable } from '@nestjs/common';
import { ConferencesService } from '@dialogdag/conferences';
import { ProgrammeService } from '@dialogdag/programme';
import { Language } from '@dialogdag/shared';
import { EvaluationService } from '../evaluation/evaluation.service';
import { CATALOGUE } from '../i18n';
import { GroupNotesService } from '../notes/group-notes.service';
import { AttendanceService } from '../summary/attendance.service';
import { buildReport, ClaimsFigures, ReportDocument } from './report.document';

/** Gathers what the draft says, from each part's own service, and hands it to the pure builder. */
@Injectable()
export class ReportService {
  constructor(
    private readonly conferences: ConferencesService,
    private readonly programme: ProgrammeService,
    private readonly attendance: AttendanceService,
    private readonly notes: GroupNotesService,
    private readonly evaluation: EvaluationService,
  ) {}

  /** `claims` is for the lead to feed from the reimbursements lib; without it the draft leaves the section out. */
  async draft(organiserId: string, conferenceId: string, lang: Language, claims: ClaimsFigures | null = null): Promise<ReportDocument> {
    await this.conferences.assertManages(organiserId, conferenceId);
    const { conference, summary } = await this.attendance.summaryOf(conferenceId);
    const programme = await this.programme.forConference(conferenceId);
    return buildReport(
      {
        conference,
        summary,
        programme: programme.entries.map((e) => ({ startsAt: e.startsAt, endsAt: e.endsAt, title: e.title, room: e.room, speakers: e.speakers })),
        moderator: programme.moderator,
        outcomes: await this.notes.outcomes(conferenceId, CATALOGUE[lang].report.untitledTheme),
        evaluation: await this.evaluation.summaryOf(conferenceId),
        claims,
      },
      lang,
    );
  }
}
