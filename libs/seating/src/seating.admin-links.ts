import { Injectable, OnModuleInit } from '@nestjs/common';
import { ConferenceAdminExtensions } from '@dialogdag/conferences';

/** Puts this lib's back-office pages on the conference overview. */
@Injectable()
export class SeatingAdminLinks implements OnModuleInit {
  constructor(private readonly admin: ConferenceAdminExtensions) {}

  onModuleInit(): void {
    this.admin.addLink({ key: 'seating', order: 20, label: { sv: 'Bordsplacering', en: 'Table placement' }, path: (id) => `/admin/conferences/${id}/seating` });
  }
}
