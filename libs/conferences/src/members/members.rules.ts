import type { ConferenceRole } from '@dialogdag/auth';

/** An invitation link works for this long, once. */
export const INVITATION_VALID_DAYS = 7;

export interface Member {
  organiserId: string;
  role: ConferenceRole;
}

/**
 * Whether changing one member's role (`to`; null removes them) would leave the conference without an owner.
 * The caller holds row locks on every owner, so two such changes at once cannot both pass.
 */
export function leavesNoOwner(members: readonly Member[], organiserId: string, to: ConferenceRole | null): boolean {
  const after = members.map((m) => (m.organiserId === organiserId ? { ...m, role: to } : m)).filter((m) => m.role !== null);
  return members.some((m) => m.role === 'owner') && !after.some((m) => m.role === 'owner');
}

export function invitationExpiry(now: Date): Date {
  return new Date(now.getTime() + INVITATION_VALID_DAYS * 86_400_000);
}

export function invitationUsable(invitation: { acceptedAt: Date | null; expiresAt: Date }, now: Date): boolean {
  return invitation.acceptedAt === null && invitation.expiresAt.getTime() > now.getTime();
}
