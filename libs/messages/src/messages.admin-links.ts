import { Injectable, OnModuleInit } from '@nestjs/common';
import { ConferenceAdminExtensions } from '@dialogdag/conferences';

/** Puts this lib's back-office pages on the conference overview. */
@Injectable()
export class MessagesAdminLinks implements OnModuleInit {
  constructor(private readonly admin: ConferenceAdminExtensions) {}

  onModuleInit(): void {
    this.admin.addLink({ key: 'messages', order: 50, label: { sv: 'Meddelanden', en: 'Messages' }, path: (id) => `/admin/conferences/${id}/messages` });
  }
}
