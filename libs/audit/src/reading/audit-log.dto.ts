import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { toStockholmIso } from '@dialogdag/shared';
import { PageLimit, PageOffset } from '@dialogdag/web';
import { AUDIT_PAGE_DEFAULT, AUDIT_PAGE_MAX, AuditEntry } from '../audit.service';

/** `?limit=&offset=&action=` of the audit log: whole numbers in range, or a 400 naming the field. */
export class AuditLogQuery {
  @PageLimit(AUDIT_PAGE_MAX, AUDIT_PAGE_DEFAULT)
  limit?: number;

  @PageOffset()
  offset?: number;

  @ApiPropertyOptional({ description: "Only entries of this action, e.g. 'POST /api/conferences/:id/registrations/:rid/check-in' or 'auth.login'" })
  @IsOptional()
  @IsString({ message: 'action must be text' })
  @MaxLength(300, { message: 'action must be at most 300 characters' })
  action?: string;
}

export class AuditEntryView {
  @ApiProperty({ example: '42', description: 'Increasing with time of writing' }) id!: string;
  @ApiProperty({ example: '2030-10-20T09:15:02+02:00' }) at!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) organiserId!: string | null;
  @ApiProperty({ example: 'anna@example.org', description: 'As it was when the action was taken' }) organiserEmail!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) conferenceId!: string | null;
  @ApiProperty({ example: 'POST /api/conferences/:id/registrations/:rid/check-in' }) action!: string;
  @ApiProperty({ enum: ['POST', 'PUT', 'PATCH', 'DELETE'] }) method!: string;
  @ApiProperty({ example: '/api/conferences/:id/registrations/:rid/check-in' }) route!: string;
  @ApiProperty({ description: 'The route parameters; `query` and `created` (the id of what was made) when there are any', type: Object })
  target!: Record<string, unknown>;
  @ApiProperty({ description: 'What was sent, with secrets and special categories of personal data redacted; at most 8 KB', nullable: true })
  changes!: unknown;
  @ApiProperty({ example: 200 }) status!: number;
  @ApiProperty({ enum: ['session', 'token'] }) via!: string;
}

export class AuditLogView {
  @ApiProperty({ type: [AuditEntryView], description: 'Newest first' }) items!: AuditEntryView[];
  @ApiProperty() total!: number;
}

export function toAuditEntryView(entry: AuditEntry): AuditEntryView {
  return { ...entry, at: toStockholmIso(new Date(entry.at)) };
}
