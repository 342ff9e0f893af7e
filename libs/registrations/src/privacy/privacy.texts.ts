import type { CatalogueShape, Texts } from '@dialogdag/web';

/** Data protection: the privacy notice, "Your data" on the personal page, erasure, a new personal link. */
const sv = {
  notice: {
    title: 'Personuppgifter',
    heading: (conference: string) => `Så behandlar vi dina personuppgifter: ${conference}`,
    whatHeading: 'Vad vi sparar',
    what: (conference: string) =>
      `När du anmäler dig till ${conference} sparar vi det du skriver i anmälan: namn, e-postadress, telefonnummer (om du anger det), organisation och sektor, om du är förtroendevald politiker (och i så fall parti) och om du deltar som ideellt aktiv.`,
    whatMore:
      'Särskild kost sparas bara med ditt uttryckliga samtycke, eftersom den kan avslöja något om hälsa eller religion. Vi sparar också dina val av workshoppar, var du placeras, när du checkar in vid entrén och vilka e-brev vi skickar dig. Ansöker du om reseersättning sparar vi resan, beloppen och dina bankuppgifter, som lagras krypterade.',
    whyHeading: 'Varför',
    why: 'Uppgifterna behövs för att genomföra konferensen: bekräfta din plats, sköta väntelistan, avbokningar och avgifter, beställa mat, fördela workshoppar och bord, släppa in dig vid entrén och betala ut reseersättning. Till styrgruppen redovisas bara siffror per sektor och organisation, aldrig namn.',
    howLongHeading: 'Hur länge',
    howLong: (days: number) =>
      `${days} dagar efter konferensen raderas alla deltagares namn, e-postadresser, telefonnummer och kostuppgifter. Kvar blir bara uppgifter utan koppling till dig (organisation, sektor, status och incheckning) för statistiken och avgifterna. Bankuppgifter raderas redan efter utbetalningen.`,
    rightsHeading: 'Dina rättigheter',
    rights:
      'Via din personliga länk kan du när som helst ladda ner allt vi sparar om dig och radera din anmälan. Där kan du också rätta dina uppgifter och ta tillbaka samtycket till kostuppgiften genom att tömma fältet.',
    contact: (address: string) => `Har du frågor, vänd dig till arrangörerna på ${address}. Du har också rätt att klaga hos Integritetsskyddsmyndigheten (IMY).`,
    noContact: 'Har du frågor, vänd dig till arrangörerna. Du har också rätt att klaga hos Integritetsskyddsmyndigheten (IMY).',
    erased: 'Din anmälan är raderad. Dina personuppgifter är borttagna och din personliga länk fungerar inte längre.',
    erasedFee: (fee: string) => `Avgiften för den sena avbokningen, ${fee}, kvarstår.`,
    back: 'Till konferensen',
  },
  form: {
    noticeLink: 'Så behandlar vi dina personuppgifter',
    notAccepted: 'Anmälan kunde inte tas emot. Kontrollera uppgifterna och skicka den igen.',
  },
  personal: {
    heading: 'Dina uppgifter',
    intro: 'Du kan när som helst ladda ner allt vi sparar om dig, eller radera din anmälan.',
    notice: 'Så behandlar vi dina personuppgifter',
    download: 'Ladda ner mina uppgifter (JSON)',
    erase: 'Radera min anmälan',
  },
  erase: {
    heading: 'Radera min anmälan',
    cancelsAtFee: (fee: string) => `Din anmälan avbokas först. Sista dag för kostnadsfri avbokning har passerat, så avbokningen kostar ${fee}.`,
    cancelsFree: 'Din anmälan avbokas först, utan kostnad.',
    leavesWaitlist: 'Du lämnas först från väntelistan, utan kostnad.',
    notActive: (fee: string | null) => `Din anmälan är redan avbokad.${fee ? ` Avgiften på ${fee} kvarstår.` : ''}`,
    started: 'Konferensen har börjat, så anmälan avbokas inte: den finns kvar utan ditt namn, som underlag för närvarostatistiken.',
    consequence:
      'Sedan tas ditt namn, din e-postadress, ditt telefonnummer och din särskilda kost bort, liksom dina personuppgifter i reseersättning, utskick och utvärdering. Kvar blir bara organisation, sektor och status, utan koppling till dig. Din personliga länk slutar fungera.',
    final: 'Det går inte att ångra.',
    confirm: 'Radera min anmälan',
    back: 'Tillbaka',
    feeChanged: 'Kostnaden har ändrats sedan sidan visades, eftersom en tidsgräns har passerat. Läs igen och bekräfta på nytt.',
  },
  organiser: {
    back: 'Tillbaka till anmälningarna',
    facts: 'Uppgifter',
    status: 'Status',
    email: 'E-postadress',
    phone: 'Telefon',
    organisation: 'Organisation',
    checkedIn: 'Incheckad',
    anonymisedAt: 'Personuppgifterna raderades',
    privacy: 'Personuppgifter',
    newLink: 'Skicka ny personlig länk',
    newLinkHint: 'Om länken har hamnat hos fel person: den gamla länken slutar fungera och deltagaren får en ny med e-post.',
    linkSent: (email: string) => `En ny personlig länk är skickad till ${email}. Den gamla fungerar inte längre.`,
    erase: 'Radera personuppgifter',
    eraseHeading: (name: string) => `Radera personuppgifterna för ${name}`,
    cancelsAtFee: (fee: string) => `Anmälan avbokas först. Sista dag för kostnadsfri avbokning har passerat, så avbokningen kostar ${fee}.`,
    cancelsFree: 'Anmälan avbokas först, utan kostnad.',
    notActive: 'Anmälan är redan avbokad eller överlåten; den avbokas inte igen.',
    started: 'Konferensen har börjat, så anmälan avbokas inte: den finns kvar utan namn i närvarostatistiken.',
    consequence:
      'Namn, e-postadress, telefonnummer, särskild kost och skälet till en efterskänkt avgift tas bort, liksom personuppgifterna i reseersättning, utskick och utvärdering. Kvar blir organisation, sektor, status, incheckning och avgifter. Personens länk och incheckningskod slutar fungera. Det går inte att ångra.',
    confirm: 'Radera personuppgifterna',
    cancel: 'Avbryt',
    erased: 'Personuppgifterna är raderade.',
  },
  mail: {
    subject: (conference: string) => `Ny personlig länk: ${conference}`,
    greeting: (name: string) => `Hej ${name}!`,
    body: (conference: string) =>
      `Arrangörerna har gett dig en ny personlig länk till din anmälan till ${conference}. Den gamla länken fungerar inte längre; använd den här i stället.`,
    link: 'Din anmälan',
    signature: 'Välkommen! /Arrangörerna',
  },
  errors: {
    alreadyErased: 'Personuppgifterna för den här anmälan är redan raderade.',
    transferredLink: 'Anmälan är överlåten; kollegan som tog över har en egen länk.',
  },
} as const;

const en: CatalogueShape<typeof sv> = {
  notice: {
    title: 'Personal data',
    heading: (conference: string) => `How we handle your personal data: ${conference}`,
    whatHeading: 'What we store',
    what: (conference: string) =>
      `When you register for ${conference} we store what you enter: your name, e-mail address, phone number (if you give it), organisation and sector, whether you are an elected politician (and if so your party) and whether you take part as a volunteer.`,
    whatMore:
      'A special diet is stored only with your explicit consent, as it can reveal something about health or religion. We also store your workshop choices, where you are placed, when you check in at the door and which e-mails we send you. If you claim travel reimbursement we store the journey, the amounts and your bank details, which are kept encrypted.',
    whyHeading: 'Why',
    why: 'We need the data to run the conference: to confirm your seat, handle the waiting list, cancellations and fees, order the food, assign workshops and tables, let you in at the door and pay travel reimbursement. The steering group receives figures per sector and organisation only, never names.',
    howLongHeading: 'For how long',
    howLong: (days: number) =>
      `${days} days after the conference every participant’s name, e-mail address, phone number and diet are erased. Only data not linked to you remains (organisation, sector, status and check-in), for the statistics and the fees. Bank details are erased once the payment has been made.`,
    rightsHeading: 'Your rights',
    rights:
      'Through your personal link you can download everything we store about you and erase your registration at any time. There you can also correct your details, and withdraw your consent to the diet by emptying the field.',
    contact: (address: string) => `For questions, contact the organisers at ${address}. You also have the right to complain to the Swedish Authority for Privacy Protection (IMY).`,
    noContact: 'For questions, contact the organisers. You also have the right to complain to the Swedish Authority for Privacy Protection (IMY).',
    erased: 'Your registration has been erased. Your personal data is gone and your personal link no longer works.',
    erasedFee: (fee: string) => `The late-cancellation fee of ${fee} is still owed.`,
    back: 'To the conference',
  },
  form: {
    noticeLink: 'How we handle your personal data',
    notAccepted: 'We could not accept the registration. Please check the details and send it again.',
  },
  personal: {
    heading: 'Your data',
    intro: 'You can download everything we store about you, or erase your registration, at any time.',
    notice: 'How we handle your personal data',
    download: 'Download my data (JSON)',
    erase: 'Erase my registration',
  },
  erase: {
    heading: 'Erase my registration',
    cancelsAtFee: (fee: string) => `Your registration is cancelled first. Free cancellation has ended, so cancelling costs ${fee}.`,
    cancelsFree: 'Your registration is cancelled first, free of charge.',
    leavesWaitlist: 'You leave the waiting list first, free of charge.',
    notActive: (fee: string | null) => `Your registration is already cancelled.${fee ? ` The fee of ${fee} is still owed.` : ''}`,
    started: 'The conference has started, so the registration is not cancelled: it stays, without your name, as a record of attendance.',
    consequence:
      'Then your name, e-mail address, phone number and special diet are removed, as is your personal data in travel claims, messages and the evaluation. Only organisation, sector and status remain, not linked to you. Your personal link stops working.',
    final: 'This cannot be undone.',
    confirm: 'Erase my registration',
    back: 'Back',
    feeChanged: 'The cost has changed since the page was shown, as a deadline has passed. Please read it again and confirm afresh.',
  },
  organiser: {
    back: 'Back to the registrations',
    facts: 'Details',
    status: 'Status',
    email: 'E-mail address',
    phone: 'Phone',
    organisation: 'Organisation',
    checkedIn: 'Checked in',
    anonymisedAt: 'Personal data erased',
    privacy: 'Personal data',
    newLink: 'Send a new personal link',
    newLinkHint: 'If the link has reached the wrong person: the old link stops working and the participant gets a new one by e-mail.',
    linkSent: (email: string) => `A new personal link has been sent to ${email}. The old one no longer works.`,
    erase: 'Erase personal data',
    eraseHeading: (name: string) => `Erase the personal data of ${name}`,
    cancelsAtFee: (fee: string) => `The registration is cancelled first. Free cancellation has ended, so cancelling costs ${fee}.`,
    cancelsFree: 'The registration is cancelled first, free of charge.',
    notActive: 'The registration is already cancelled or transferred; it is not cancelled again.',
    started: 'The conference has started, so the registration is not cancelled: it stays, without a name, in the attendance figures.',
    consequence:
      'Name, e-mail address, phone number, special diet and the reason for a waived fee are removed, as is the personal data in travel claims, messages and the evaluation. Organisation, sector, status, check-in and fees remain. The person’s link and check-in code stop working. This cannot be undone.',
    confirm: 'Erase the personal data',
    cancel: 'Cancel',
    erased: 'The personal data has been erased.',
  },
  mail: {
    subject: (conference: string) => `New personal link: ${conference}`,
    greeting: (name: string) => `Dear ${name},`,
    body: (conference: string) =>
      `The organisers have given you a new personal link to your registration for ${conference}. The old link no longer works; please use this one instead.`,
    link: 'Your registration',
    signature: 'Welcome! The organisers',
  },
  errors: {
    alreadyErased: 'The personal data of this registration has already been erased.',
    transferredLink: 'This registration was transferred; the colleague who took it over has a link of their own.',
  },
};

export const PRIVACY_TEXTS: Texts<CatalogueShape<typeof sv>> = { sv, en };
