import type { Language } from './language';

/** One text in every language the product speaks; typed so none can be left out. */
export type LocalisedText = Readonly<Record<Language, string>>;

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
  | 'too_many_requests'
  /** Something the request needs (the database) is briefly out of reach: try again, nothing was wrong with it. */
  | 'unavailable';

/**
 * Errors raised by domain services. `code` is stable and machine-readable
 * (e.g. `registration_closed`) and means one thing; `message` is a sentence for
 * people (English: the API speaks it), `field` names the input field at fault,
 * when there is one, and `texts` holds the sentence in every language for pages,
 * when the lib that raised it took it from its catalogue.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly category: ErrorCategory,
    message: string,
    readonly field?: string,
    readonly texts?: LocalisedText,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  /** The sentence in the reader's language where there is one, otherwise the English message. */
  textIn(lang: Language): string {
    return this.texts?.[lang] ?? this.message;
  }
}

/** A rule violation found while checking input that passed the DTO's shape checks. */
export interface FieldProblem {
  field: string;
  message: string;
  texts?: LocalisedText;
}

/** A problem's sentence in the reader's language where there is one, otherwise the English message. */
export function problemText(problem: FieldProblem, lang: Language): string {
  return problem.texts?.[lang] ?? problem.message;
}

export class ValidationFailed extends DomainError {
  constructor(readonly problems: FieldProblem[]) {
    super('validation_failed', 'invalid', problems.map((p) => p.message).join(' '), problems[0]?.field);
  }

  /** Each field's first problem, in the reader's language, for a form. */
  fieldTexts(lang: Language): Record<string, string> {
    const texts: Record<string, string> = {};
    for (const problem of this.problems) texts[problem.field] ??= problemText(problem, lang);
    return texts;
  }
}

/**
 * The one mapping from an error category to its HTTP status, used by the API filter and by every page.
 * A page that shows its form again with the input's problems answers 422 (Unprocessable Content), as
 * browsers and form libraries expect; the API answers invalid input with 400.
 */
export function httpStatusFor(category: ErrorCategory, surface: 'api' | 'page' = 'api'): number {
  switch (category) {
    case 'invalid':
      return surface === 'page' ? 422 : 400;
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
    case 'unavailable':
      return 503;
    default: {
      const unhandled: never = category;
      throw new Error(`No HTTP status for error category ${String(unhandled)}`);
    }
  }
}
