import { Injectable, OnModuleInit } from '@nestjs/common';
import { ConferenceAdminExtensions } from '@dialogdag/conferences';

/** Puts this lib's back-office pages on the conference overview. */
@Injectable()
export class ReimbursementsAdminLinks implements OnModuleInit {
  constructor(private readonly admin: ConferenceAdminExtensions) {}

  onModuleInit(): void {
    this.admin.addLink({ key: 'travel-claims', order: 30, label: { sv: 'Reseersättningar', en: 'Travel claims' }, path: (id) => `/admin/conferences/${id}/travel-claims` });
  }
}
