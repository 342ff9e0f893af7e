import { CatalogueShape } from '@dialogdag/web';

/** The texts of the adapted automatic e-mails (part of the lib's catalogue, TEXTS[lang].mailTexts). */
export const mailTextsSv = {
  nav: { link: 'Automatiska e-brev', all: 'Alla automatiska e-brev' },
  list: {
    title: 'Automatiska e-brev',
    lead:
      'Anpassa inledningen och avslutningen i de e-brev som skickas av sig själva, till exempel med vägbeskrivning eller en hälsning. ' +
      'Det som bär regler – avgift, sista dagar, personlig länk – skrivs alltid av systemet.',
    mail: 'E-brev', swedish: 'Svenska', english: 'Engelska',
    adapted: 'Anpassad', default: 'Standardtext', edit: 'Anpassa',
  },
  edit: {
    title: (label: string) => `Anpassa e-brevet: ${label}`,
    generated: 'Det här skrivs alltid av systemet',
    intro: 'Inledning (efter hälsningen)',
    closing: 'Avslutning (före underskriften)',
    hint: (placeholders: string) =>
      `Vanlig text. Tom rad mellan stycken. Platshållare: ${placeholders}. Lämna båda fälten tomma för att använda standardtexten.`,
    noLink: 'Det här e-brevet har ingen personlig länk, så {personalLink} kan inte användas.',
    inSwedish: 'På svenska', inEnglish: 'På engelska',
    save: 'Spara', preview: 'Förhandsgranska',
    reset: (language: string) => `Återställ standardtexten (${language})`,
    saved: 'Texterna är sparade. De används i nästa e-brev av det här slaget.',
    wasReset: (language: string) => `Standardtexten används igen (${language}).`,
    updated: (name: string, when: string) => `Senast ändrad av ${name}, ${when}.`,
    problem: 'Rätta följande',
  },
  preview: {
    title: 'Förhandsgranskning',
    lead: 'Så här ser e-brevet ut, ingenting skickas.',
    as: 'Visa som',
    show: 'Visa',
    forPerson: (name: string) => `Exempel: ${name}.`,
    example: 'Exempel: en påhittad deltagare (konferensen har inga anmälda ännu).',
    subject: 'Ämne:',
    inLanguage: (language: string) => `På ${language}`,
  },
  reset: {
    title: 'Återställ standardtexten?',
    question: (label: string, language: string) => `Inledningen och avslutningen på ${language} i e-brevet "${label}" tas bort, och standardtexten används igen.`,
    confirm: 'Ja, återställ',
    cancel: 'Avbryt',
  },
  languageNames: { sv: 'svenska', en: 'engelska' },
  problems: {
    tooLong: (max: number, length: number) => `högst ${max.toLocaleString('sv-SE')} tecken (nu ${length.toLocaleString('sv-SE')}).`,
    unknownPlaceholder: (names: string, known: string) => `okänd platshållare ${names}; platshållarna är ${known} (skriv {{ för en klammer).`,
    noPersonalLink: 'det här e-brevet har ingen personlig länk, så {personalLink} kan inte användas.',
    noSuchKind: 'Det finns inget automatiskt e-brev av det slaget.',
  },
  sample: {
    colleague: 'Kim Kollega',
    checkInCode: 'XXXX-XXXX-XXXX',
    workshop: { round: 'Workshop', title: 'Landsbygd i dialog', room: 'Sal A' },
  },
  kinds: {
    registration_confirmed: {
      label: 'Bekräftelse',
      about: 'När en anmälan får en plats: bekräftelsen, villkoren för avbokning (sista dag och avgift), incheckningskoden, tid och plats, den personliga länken.',
    },
    registration_waitlisted: { label: 'Väntelista', about: 'När konferensen är fullbokad: platsen i kön, tid och plats, den personliga länken.' },
    registration_promoted: {
      label: 'Plats från väntelistan',
      about: 'När någon på väntelistan får en plats: bekräftelsen, villkoren för avbokning, incheckningskoden, tid och plats, den personliga länken.',
    },
    registration_cancelled: { label: 'Avbokning', about: 'När en anmälan avbokas: att den är avbokad och om en avgift tas ut. Ingen personlig länk.' },
    registration_transferred_in: {
      label: 'Överlåten plats (till kollegan)',
      about: 'Till den som tar över en plats: vem som lämnade över, villkoren för avbokning, incheckningskoden, den nya personliga länken.',
    },
    registration_transferred_out: {
      label: 'Överlåtelse (kvitto)',
      about: 'Till den som lämnar över sin plats: till vem, och att den gamla länken inte längre fungerar. Ingen personlig länk.',
    },
    registration_reminder: { label: 'Påminnelse', about: 'Tre dagar före: programmet i korthet, kalenderfil, incheckningskoden, den personliga länken.' },
    workshop_assignment: { label: 'Workshopplacering', about: 'När workshopplaceringen meddelas: workshop, lokal och samtalsgrupp per omgång. Ingen personlig länk.' },
    travel_claim_received: { label: 'Reseersättning: ansökan mottagen', about: 'Referens, resa och belopp, och länken till ansökan ({personalLink}).' },
    travel_claim_decided: { label: 'Reseersättning: beslut', about: 'Beslutet, beloppet och skälet. Ingen personlig länk.' },
    travel_claim_paid: { label: 'Reseersättning: utbetald', about: 'Belopp och utbetalningsdag. Ingen personlig länk.' },
  },
} as const;

export const mailTextsEn: CatalogueShape<typeof mailTextsSv> = {
  nav: { link: 'Automatic e-mails', all: 'All automatic e-mails' },
  list: {
    title: 'Automatic e-mails',
    lead:
      'Adapt the introduction and closing of the e-mails that go out by themselves, for instance with directions or a greeting. ' +
      'What carries rules – fee, deadlines, personal link – is always written by the system.',
    mail: 'E-mail', swedish: 'Swedish', english: 'English',
    adapted: 'Adapted', default: 'Default text', edit: 'Adapt',
  },
  edit: {
    title: (label: string) => `Adapt the e-mail: ${label}`,
    generated: 'Always written by the system',
    intro: 'Introduction (after the greeting)',
    closing: 'Closing (before the signature)',
    hint: (placeholders: string) =>
      `Plain text. A blank line between paragraphs. Placeholders: ${placeholders}. Leave both fields empty to use the default text.`,
    noLink: 'This e-mail carries no personal link, so {personalLink} cannot be used.',
    inSwedish: 'In Swedish', inEnglish: 'In English',
    save: 'Save', preview: 'Preview',
    reset: (language: string) => `Reset to the default text (${language})`,
    saved: 'The texts are saved. They are used in the next e-mail of this kind.',
    wasReset: (language: string) => `The default text is used again (${language}).`,
    updated: (name: string, when: string) => `Last changed by ${name}, ${when}.`,
    problem: 'Please correct the following',
  },
  preview: {
    title: 'Preview',
    lead: 'This is how the e-mail looks; nothing is sent.',
    as: 'Show as',
    show: 'Show',
    forPerson: (name: string) => `Example: ${name}.`,
    example: 'Example: an imaginary participant (the conference has no registrations yet).',
    subject: 'Subject:',
    inLanguage: (language: string) => `In ${language}`,
  },
  reset: {
    title: 'Reset to the default text?',
    question: (label: string, language: string) => `The ${language} introduction and closing of the e-mail "${label}" are removed, and the default text is used again.`,
    confirm: 'Yes, reset',
    cancel: 'Cancel',
  },
  languageNames: { sv: 'Swedish', en: 'English' },
  problems: {
    tooLong: (max: number, length: number) => `at most ${max.toLocaleString('en')} characters (it has ${length.toLocaleString('en')}).`,
    unknownPlaceholder: (names: string, known: string) => `unknown placeholder ${names}; the placeholders are ${known} (write {{ for a literal brace).`,
    noPersonalLink: 'this e-mail carries no personal link, so {personalLink} cannot be used.',
    noSuchKind: 'There is no automatic e-mail of that kind.',
  },
  sample: {
    colleague: 'Kim Colleague',
    checkInCode: 'XXXX-XXXX-XXXX',
    workshop: { round: 'Workshop', title: 'Rural areas in dialogue', room: 'Room A' },
  },
  kinds: {
    registration_confirmed: {
      label: 'Confirmation',
      about: 'When a registration gets a seat: the confirmation, the cancellation terms (deadline and fee), the check-in code, time and place, the personal link.',
    },
    registration_waitlisted: { label: 'Waiting list', about: 'When the conference is full: the place in the queue, time and place, the personal link.' },
    registration_promoted: {
      label: 'Seat from the waiting list',
      about: 'When someone on the waiting list gets a seat: the confirmation, the cancellation terms, the check-in code, time and place, the personal link.',
    },
    registration_cancelled: { label: 'Cancellation', about: 'When a registration is cancelled: that it is, and whether a fee is charged. No personal link.' },
    registration_transferred_in: {
      label: 'Transferred seat (to the colleague)',
      about: 'To the one taking over a seat: who handed it on, the cancellation terms, the check-in code, the new personal link.',
    },
    registration_transferred_out: {
      label: 'Transfer (receipt)',
      about: 'To the one handing on their seat: to whom, and that the old link no longer works. No personal link.',
    },
    registration_reminder: { label: 'Reminder', about: 'Three days before: the programme in brief, a calendar file, the check-in code, the personal link.' },
    workshop_assignment: { label: 'Workshop placement', about: 'When the workshop placement is announced: workshop, room and dialogue group per round. No personal link.' },
    travel_claim_received: { label: 'Travel claim received', about: 'Reference, journey and amount, and the link to the claim ({personalLink}).' },
    travel_claim_decided: { label: 'Travel claim decision', about: 'The decision, the amount and the reason. No personal link.' },
    travel_claim_paid: { label: 'Travel claim paid', about: 'Amount and payment date. No personal link.' },
  },
};
