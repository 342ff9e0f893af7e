import { DomainError, ErrorCategory, inEveryLanguage } from '@dialogdag/shared';
import { MEMBERS_TEXTS } from './members.texts';

type Errors = (typeof MEMBERS_TEXTS)['sv']['errors'];

// The English sentence is the API's message; pages show the reader's language.
const error = (code: string, category: ErrorCategory, key: keyof Errors, field?: string) => {
  const texts = inEveryLanguage(MEMBERS_TEXTS, (t) => t.errors[key]);
  return new DomainError(code, category, texts.en, field, texts);
};

export const memberNotFound = () => error('member_not_found', 'not_found', 'memberNotFound');
export const lastOwner = () => error('last_owner', 'conflict', 'lastOwner', 'role');
export const alreadyMember = () => error('already_member', 'conflict', 'alreadyMember', 'email');
export const invitationInvalid = () => error('invitation_invalid', 'not_found', 'invitationInvalid');
export const invitationNotFound = () => error('invitation_not_found', 'not_found', 'invitationNotFound');
