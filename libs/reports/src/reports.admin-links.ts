import { Injectable, OnModuleInit } from '@nestjs/common';
import { ConferenceAdminExtensions } from '@dialogdag/conferences';
import { ReviewService } from '@dialogdag/reimbursements';
import { headlinePanel } from './pages/summary.render';
import { AttendanceService } from './summary/attendance.service';

/** Puts the summary, notes, evaluation and report draft on the conference overview, with the headline figures. */
@Injectable()
export class ReportsAdminLinks implements OnModuleInit {
  constructor(
    private readonly admin: ConferenceAdminExtensions,
    private readonly attendance: AttendanceService,
    private readonly claims: ReviewService,
  ) {}

  onModuleInit(): void {
    const page = (key: string, order: number, sv: string, en: string, path: string) =>
      this.admin.addLink({ key, order, label: { sv, en }, path: (id) => `/admin/conferences/${id}/${path}` });
    page('attendance', 60, 'Deltagarsammanställning', 'Attendance summary', 'attendance');
    page('group-notes', 70, 'Gruppanteckningar', 'Group notes', 'group-notes');
    page('evaluation', 80, 'Utvärdering', 'Evaluation', 'evaluation');
    page('report', 90, 'Rapportutkast', 'Report draft', 'report');
    this.admin.addPanel({
      key: 'headline-figures',
      order: 10,
      permission: 'figures.read',
      render: async ({ organiserId, conference, lang }) => {
        const claims = await this.claims.summaryFor(conference.id);
        const figures = await this.attendance.headline(organiserId, conference.id, {
          count: claims.claims,
          approvedAmount: claims.approvedTotal,
        });
        return headlinePanel(figures, conference.id, lang);
      },
    });
  }
}
