import { DomainError, httpStatusFor, Language, ValidationFailed } from '@dialogdag/shared';
import type { FieldErrors } from '@dialogdag/web';
import { wordingOf } from '../reimbursement.errors';
import { PAGE_FIELD } from './claim-form-input';

export interface PageProblems {
  errors: FieldErrors;
  general: string[];
  status: number;
}

/** A refusal as a page shows it: next to its field when it has one, at the top otherwise, in the reader's language. */
export function pageProblems(error: unknown, lang: Language): PageProblems {
  if (!(error instanceof DomainError) || error.category === 'not_found' || error.category === 'unauthenticated') throw error;
  const errors: FieldErrors = {};
  const general: string[] = [];
  if (error instanceof ValidationFailed) {
    for (const p of error.problems) errors[PAGE_FIELD[p.field] ?? p.field] ??= p.message;
  } else if (error.field && error.field !== 'expectedAmount') {
    errors[PAGE_FIELD[error.field] ?? error.field] = wordingOf(error, lang);
  } else {
    general.push(wordingOf(error, lang));
  }
  return { errors, general, status: httpStatusFor(error.category) };
}
