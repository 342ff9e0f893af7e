import { Injectable, OnModuleInit } from '@nestjs/common';
import { Conference, ConferencePageSections, seatsLeft } from '@dialogdag/conferences';
import { Clock, Language } from '@dialogdag/shared';
import { html } from '@dialogdag/web';
import { BookTablesService } from '../book-tables/book-tables.service';
import { RegistrationExtensions } from '../extensions/registration-extensions';
import { registrationWindow } from '../registration.rules';
import { PublicFormBotCheck } from './public-form-bot-check';
import { emptyFormState, registerNowLink, RegistrationFormContext, registrationFormSection, RegistrationFormState } from './registration-form.view';

/** Key of the registration form's state when the conference page is shown again with it. */
export const REGISTRATION_SECTION = 'registration';

/** The registration parts of the public conference page: "Register now" above the programme, the form below it. */
@Injectable()
export class RegistrationSections implements OnModuleInit {
  constructor(
    private readonly clock: Clock,
    private readonly extensions: RegistrationExtensions,
    private readonly bookTables: BookTablesService,
    private readonly sections: ConferencePageSections,
    private readonly botCheck: PublicFormBotCheck,
  ) {}

  onModuleInit(): void {
    this.sections.add({ key: 'register-now', order: 10, render: async (c, lang) => registerNowLink(registrationWindow(c, this.clock.now()), lang) });
    this.sections.add({
      key: REGISTRATION_SECTION,
      order: 30,
      render: async (c, lang, state) =>
        registrationFormSection(c, lang, await this.formContext(c, lang), (state[REGISTRATION_SECTION] as RegistrationFormState | undefined) ?? emptyFormState()),
    });
  }

  /** What the form offers now: whether it is open or full, the other libs' choices, book tables. */
  async formContext(c: Conference, lang: Language): Promise<RegistrationFormContext> {
    const window = registrationWindow(c, this.clock.now());
    const open = window === 'open';
    return {
      window,
      full: seatsLeft(c) === 0,
      rounds: open ? ((await this.extensions.preferences?.rounds(c.id, lang)) ?? []) : [],
      bookTables: open && (await this.bookTables.limitOf(c.id)) > 0,
      botCheck: open ? await this.botCheck.fields() : html``,
    };
  }
}
