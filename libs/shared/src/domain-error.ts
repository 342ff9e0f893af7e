/**
 * What kind of failure a domain error is. The HTTP layer maps each category
 * to one status code in a single exhaustive switch (see the api app's filter).
 */
export type ErrorCategory =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'too_many_requests';

/**
 * Errors raised by domain services. `code` is stable and machine-readable
 * (e.g. `registration_closed`), `message` is a sentence for people and
 * `field` names the input field at fault, when there is one.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly category: ErrorCategory,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** A rule violation found while checking input that passed the DTO's shape checks. */
export interface FieldProblem {
  field: string;
  message: string;
}

export class ValidationFailed extends DomainError {
  constructor(readonly problems: FieldProblem[]) {
    super('validation_failed', 'invalid', problems.map((p) => p.message).join(' '), problems[0]?.field);
  }
}

/** The one mapping from an error category to its HTTP status, used by the API filter and by every page. */
export function httpStatusFor(category: ErrorCategory): number {
  switch (category) {
    case 'invalid':
      return 400;
    case 'unauthenticated':
      return 401;
    case 'forbidden':
      return 403;
    case 'not_found':
      return 404;
    case 'conflict':
      return 409;
    case 'payload_too_large':
      return 413;
    case 'too_many_requests':
      return 429;
    default: {
      const unhandled: never = category;
      throw new Error(`No HTTP status for error category ${String(unhandled)}`);
    }
  }
}
