/**
 * Who may do what in a conference: one row per role. Every organiser route names one permission (see
 * access.decorators.ts) and the one guard asks `roleAllows`; pages that hide links or panels ask the same.
 */
export const CONFERENCE_ROLES = ['owner', 'organiser', 'checkin', 'reviewer', 'viewer'] as const;
export type ConferenceRole = (typeof CONFERENCE_ROLES)[number];

export const PERMISSIONS = [
  /** The conference's own facts and its overview page. */
  'conference.view',
  /** Attendance summaries, series figures, the report draft, evaluation summary, headline figures. */
  'figures.read',
  /** Settings, publishing, programme, speakers, workshops, seating, messages, book tables, evaluation, group notes. */
  'conference.edit',
  /** The participant list, its CSV and print view, diets, badges, fees. */
  'participants.read',
  /** Registering by hand, cancelling or transferring for someone, waiving fees, the outbox (it holds personal links). */
  'participants.manage',
  /** The door: the check-in page with its search, check-in, undo, check-in by code, walk-ins. */
  'checkin',
  /** Travel claims, their payee details and receipts, decisions, payments, the payment list. */
  'claims.review',
  /** Who takes part in running the conference: members, roles, invitations. */
  'members.manage',
  /** The conference's audit log: who changed what. */
  'audit.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const EVERYTHING: readonly Permission[] = PERMISSIONS;

/** The matrix; README (Security) shows the same table. */
const ROLE_PERMISSIONS: Readonly<Record<ConferenceRole, readonly Permission[]>> = {
  owner: EVERYTHING,
  organiser: EVERYTHING.filter((p) => p !== 'members.manage' && p !== 'audit.read'),
  checkin: ['conference.view', 'checkin'],
  reviewer: ['conference.view', 'claims.review'],
  viewer: ['conference.view', 'figures.read'],
};

export function isConferenceRole(value: unknown): value is ConferenceRole {
  return typeof value === 'string' && (CONFERENCE_ROLES as readonly string[]).includes(value);
}

export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && (PERMISSIONS as readonly string[]).includes(value);
}

export function roleAllows(role: ConferenceRole, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** The roles a permission lets in, in the order of CONFERENCE_ROLES. */
export function rolesAllowing(permission: Permission): ConferenceRole[] {
  return CONFERENCE_ROLES.filter((role) => roleAllows(role, permission));
}
