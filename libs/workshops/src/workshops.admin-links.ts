import { Injectable, OnModuleInit } from '@nestjs/common';
import { ConferenceAdminExtensions } from '@dialogdag/conferences';

/** Puts this lib's back-office pages on the conference overview. */
@Injectable()
export class WorkshopsAdminLinks implements OnModuleInit {
  constructor(private readonly admin: ConferenceAdminExtensions) {}

  onModuleInit(): void {
    this.admin.addLink({ key: 'workshops', order: 10, label: { sv: 'Workshoppar', en: 'Workshops' }, path: (id) => `/admin/conferences/${id}/workshops` });
  }
}
