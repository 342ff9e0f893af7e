import { DomainError } from '@dialogdag/shared';
import { PRIVACY_TEXTS } from './privacy.texts';

/** The API says it in English; pages in the reader's language (`textIn`). */
const texts = (pick: (t: (typeof PRIVACY_TEXTS)['sv']) => string) => ({ sv: pick(PRIVACY_TEXTS.sv), en: pick(PRIVACY_TEXTS.en) });

export const alreadyErased = () =>
  new DomainError('registration_already_erased', 'conflict', PRIVACY_TEXTS.en.errors.alreadyErased, undefined, texts((t) => t.errors.alreadyErased));

/** A transferred registration's seat belongs to the colleague, who has a link of their own. */
export const noLinkForTransferred = () =>
  new DomainError('registration_transferred', 'conflict', PRIVACY_TEXTS.en.errors.transferredLink, undefined, texts((t) => t.errors.transferredLink));
