import { SetMetadata } from '@nestjs/common';

export const AUDIT_ACTION = 'dialogdag:audit-action';

/** A readable name for a handler's entries in the audit log (e.g. 'registration.check_in'), instead of its route. */
export const AuditAction = (name: string) => SetMetadata(AUDIT_ACTION, name);
