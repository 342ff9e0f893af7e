import { Injectable, OnModuleInit } from '@nestjs/common';
import { ConferenceAdminExtensions } from '@dialogdag/conferences';
import { AUDIT_TEXTS } from './audit.texts';

/** Puts the audit log on the conference overview. */
@Injectable()
export class AuditAdminLinks implements OnModuleInit {
  constructor(private readonly admin: ConferenceAdminExtensions) {}

  onModuleInit(): void {
    this.admin.addLink({ key: 'audit-log', order: 90, label: { sv: AUDIT_TEXTS.sv.link, en: AUDIT_TEXTS.en.link }, path: (id) => `/admin/conferences/${id}/audit-log` });
  }
}
