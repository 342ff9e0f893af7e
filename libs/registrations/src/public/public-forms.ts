import { Injectable } from '@nestjs/common';
import { DomainError, Language } from '@dialogdag/shared';
import { FieldErrors, validateForm } from '@dialogdag/web';
import { RegistrationExtensions } from '../extensions/registration-extensions';
import { catalogue, errorText, localiseFieldErrors } from '../i18n';
import { RegisterDto, TransferDto, UpdateRegistrationDto } from '../registration.dto';
import { dietConsentMissing } from '../registration.rules';
import { FormValues, readChoices, roundErrorField } from './choice-rounds';

export interface ReadForm<T> {
  dto: T;
  /** In the page's language, by field; empty when the form can be sent on. */
  errors: FieldErrors;
}

/** Errors about the ranked list are shown at the first round's choices. */
const formField = (field: string) => (field === 'workshopPreferences' ? roundErrorField(0) : field);

/** The public forms read into the API's DTOs, with their errors said at the fields, in the page's language. */
@Injectable()
export class PublicForms {
  constructor(private readonly extensions: RegistrationExtensions) {}

  async registration(conferenceId: string, lang: Language, body: FormValues): Promise<ReadForm<RegisterDto>> {
    const t = catalogue(lang);
    const { dto, errors } = await validateForm(RegisterDto, body);
    const fieldErrors = localiseFieldErrors(errors, t.fieldErrors);
    if (dietConsentMissing(dto.diet, dto.dietConsent)) fieldErrors.dietConsent = t.fieldErrors.dietConsent;
    if (dto.bookTable && !dto.bookTableDescription) fieldErrors.bookTableDescription = t.fieldErrors.bookTableDescription;
    const choices = await this.choices(conferenceId, lang, body);
    if (choices.preferences) dto.workshopPreferences = choices.preferences;
    return { dto: { ...dto, language: lang }, errors: { ...fieldErrors, ...choices.errors } };
  }

  /** Unticked checkboxes are not sent: here they mean "no"; an emptied field removes the detail. */
  async details(conferenceId: string, lang: Language, body: FormValues): Promise<ReadForm<UpdateRegistrationDto>> {
    const t = catalogue(lang);
    const form = { ...body, isPolitician: body.isPolitician ?? 'false', isVolunteer: body.isVolunteer ?? 'false' };
    const { dto, errors } = await validateForm(UpdateRegistrationDto, form);
    const fieldErrors = localiseFieldErrors(errors, t.fieldErrors);
    for (const field of ['phone', 'diet', 'politicalParty'] as const) if (!body[field]?.trim()) dto[field] = null;
    if (dietConsentMissing(dto.diet, body.dietConsent)) fieldErrors.dietConsent = t.fieldErrors.dietConsent;
    const choices = await this.choices(conferenceId, lang, body);
    if (choices.preferences) dto.workshopPreferences = choices.preferences;
    return { dto, errors: { ...fieldErrors, ...choices.errors } };
  }

  async transfer(lang: Language, body: FormValues): Promise<ReadForm<TransferDto>> {
    const t = catalogue(lang);
    const { dto, errors } = await validateForm(TransferDto, body);
    return { dto: { ...dto, language: dto.language ?? lang }, errors: localiseFieldErrors(errors, { ...t.fieldErrors, ...t.transfer.colleagueErrors }) };
  }

  /** A refusal from the service, shown at its field when it has one, else above the form. */
  refusal(error: DomainError, lang: Language): { errors: FieldErrors; general: string[] } {
    // The provider's problems name workshops in its own words; the page says it in the reader's language.
    const text = error.field === 'workshopPreferences' ? catalogue(lang).choices.invalid : errorText(error, lang);
    return error.field ? { errors: { [formField(error.field)]: text }, general: [] } : { errors: {}, general: [text] };
  }

  /** The ranked choices of the other libs' rounds; `preferences` undefined when the form offers none. */
  private async choices(conferenceId: string, lang: Language, body: FormValues): Promise<{ preferences?: string[]; errors: FieldErrors }> {
    const provider = this.extensions.preferences;
    const rounds = (await provider?.rounds(conferenceId, lang)) ?? [];
    if (!provider || rounds.length === 0) return { errors: {} };
    return readChoices(provider, conferenceId, rounds, body, catalogue(lang).choices);
  }
}
