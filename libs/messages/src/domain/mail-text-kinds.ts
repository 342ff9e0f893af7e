/**
 * The automatic e-mails whose introduction and closing a conference may adapt, by the `kind` their
 * lib gives them (libs/mail templates, workshops' workshop-mail, reimbursements' claim-mail). There is
 * no table e-mail yet: the seating lib sends none.
 */
export const MAIL_TEXT_KINDS = [
  'registration_confirmed',
  'registration_waitlisted',
  'registration_promoted',
  'registration_cancelled',
  'registration_transferred_in',
  'registration_transferred_out',
  'registration_reminder',
  'workshop_assignment',
  'travel_claim_received',
  'travel_claim_decided',
  'travel_claim_paid',
] as const;
export type MailTextKind = (typeof MAIL_TEXT_KINDS)[number];

const KNOWN = new Set<string>(MAIL_TEXT_KINDS);

export function isMailTextKind(kind: string): kind is MailTextKind {
  return KNOWN.has(kind);
}

/**
 * The e-mails that end with a personal link: there {personalLink} is that very link. The others
 * carry none (a cancelled or handed-on registration's link no longer works), so it cannot be used.
 */
const WITH_LINK: ReadonlySet<MailTextKind> = new Set<MailTextKind>([
  'registration_confirmed',
  'registration_waitlisted',
  'registration_promoted',
  'registration_transferred_in',
  'registration_reminder',
  'travel_claim_received',
]);

export function carriesPersonalLink(kind: MailTextKind): boolean {
  return WITH_LINK.has(kind);
}
