import { DomainError } from '@dialogdag/shared';

export const messageNotFound = () => new DomainError('message_not_found', 'not_found', 'No such message in this conference.');

export const noRecipients = () =>
  new DomainError('no_recipients', 'invalid', 'The filter matches nobody: choose other groups or criteria, or pick recipients by hand.', 'filter');

/** The confirmation names a number the filter no longer reaches; the answer carries the current count. */
export class RecipientCountChanged extends DomainError {
  constructor(
    readonly recipientCount: number,
    confirmed: number,
  ) {
    super(
      'recipient_count_changed',
      'conflict',
      `The filter now reaches ${recipientCount} recipient${recipientCount === 1 ? '' : 's'}, not ${confirmed}: check the list and confirm ${recipientCount}.`,
      'confirmRecipientCount',
    );
  }
}
