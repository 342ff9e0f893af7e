/** Whether the public may register now. Organisers may still add people by hand when closed. */
export type RegistrationWindow = 'not_open_yet' | 'open' | 'closed';

export interface RegistrationWindowInput {
  registrationOpensAt: Date | null;
  registrationDeadline: Date;
}

export function registrationWindow(c: RegistrationWindowInput, now: Date): RegistrationWindow {
  if (c.registrationOpensAt && now < c.registrationOpensAt) return 'not_open_yet';
  if (now > c.registrationDeadline) return 'closed';
  return 'open';
}
