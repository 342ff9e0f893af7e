import type { CatalogueShape, Texts } from '@dialogdag/web';

const sv = {
  role: {
    owner: 'Ägare', organiser: 'Arrangör', checkin: 'Incheckning', reviewer: 'Granskare av reseersättningar', viewer: 'Läsare (siffror)',
  },
  roleHint: {
    owner: 'Allt, också vilka som är med och arrangerar.',
    organiser: 'Allt utom vilka som är med och arrangerar.',
    checkin: 'Bara incheckningen i dörren och dess sökning.',
    reviewer: 'Bara reseersättningarna: ansökningar, utbetalningsuppgifter och utbetalningslistan.',
    viewer: 'Bara siffrorna: sammanställningar, rapportutkast och nyckeltal.',
  },
  page: {
    title: 'Vilka arrangerar', members: 'Med och arrangerar', name: 'Namn', email: 'E-postadress', role: 'Roll',
    changeRole: 'Byt roll', change: 'Ändra', remove: 'Ta bort', you: '(du)',
    invitations: 'Skickade inbjudningar', noInvitations: 'Inga obesvarade inbjudningar.', expires: 'Gäller till', withdraw: 'Dra tillbaka',
    invite: 'Bjud in', inviteHint: 'Inbjudan skickas med e-post. Länken gäller i sju dagar och kan användas en gång.',
    send: 'Skicka inbjudan', sent: 'Inbjudan är skickad till', problem: 'Rätta följande', roles: 'Rollerna',
    lastOwner: 'Den sista ägaren kan inte tas bort eller få en annan roll.',
  },
  invitation: {
    title: 'Inbjudan', intro: (inviter: string, conference: string, role: string) => `${inviter} har bjudit in dig att vara med och arrangera ${conference} som ${role.toLowerCase()}.`,
    signedInAs: (name: string) => `Du är inloggad som ${name}.`, accept: 'Ta emot inbjudan',
    haveAccount: 'Har du redan ett konto?', logIn: 'Logga in och ta emot inbjudan',
    newAccount: 'Nytt konto', newAccountHint: 'Välj namn och lösenord, så skapas ditt konto med adressen', name: 'Ditt namn',
    password: 'Lösenord', passwordHint: 'Minst 12 tecken, gärna några ord som inte hör ihop.', create: 'Skapa konto och ta emot inbjudan',
    problem: 'Det gick inte', invalid: 'Inbjudan är ogiltig, redan använd eller för gammal. Be om en ny.',
    accountExists: 'Det finns redan ett konto med den adressen. Logga in för att ta emot inbjudan.',
  },
  mail: {
    subject: (conference: string) => `Inbjudan att arrangera ${conference}`, greeting: 'Hej!',
    body: (inviter: string, conference: string, role: string) => `${inviter} har bjudit in dig att vara med och arrangera ${conference} i Dialogdag, som ${role.toLowerCase()}.`,
    validity: (until: string) => `Länken gäller till ${until} och kan användas en gång. Har du inget konto skapar du ett där.`,
    link: 'Ta emot inbjudan', signature: '/Dialogdag',
  },
  errors: {
    memberNotFound: 'Personen är inte med och arrangerar konferensen.',
    lastOwner: 'Konferensen behöver minst en ägare. Gör någon annan till ägare först.',
    alreadyMember: 'Personen är redan med och arrangerar konferensen. Byt roll i listan i stället.',
    invitationInvalid: 'Inbjudan är ogiltig, redan använd eller för gammal. Be om en ny.',
    invitationNotFound: 'Det finns ingen sådan obesvarad inbjudan.',
  },
} as const;

const en: CatalogueShape<typeof sv> = {
  role: {
    owner: 'Owner', organiser: 'Organiser', checkin: 'Check-in staff', reviewer: 'Reimbursement reviewer', viewer: 'Viewer (figures)',
  },
  roleHint: {
    owner: 'Everything, including who takes part in running the conference.',
    organiser: 'Everything except who takes part in running the conference.',
    checkin: 'Only the check-in at the door and its search.',
    reviewer: 'Only travel reimbursements: claims, payee details and the payment list.',
    viewer: 'Only the figures: summaries, report draft and headline figures.',
  },
  page: {
    title: 'Who runs it', members: 'Taking part in running it', name: 'Name', email: 'E-mail address', role: 'Role',
    changeRole: 'Change role', change: 'Change', remove: 'Remove', you: '(you)',
    invitations: 'Invitations sent', noInvitations: 'No unanswered invitations.', expires: 'Valid until', withdraw: 'Withdraw',
    invite: 'Invite', inviteHint: 'The invitation goes out by e-mail. The link works for seven days, once.',
    send: 'Send invitation', sent: 'The invitation has been sent to', problem: 'Please correct the following', roles: 'The roles',
    lastOwner: 'The last owner cannot be removed or given another role.',
  },
  invitation: {
    title: 'Invitation', intro: (inviter: string, conference: string, role: string) => `${inviter} has invited you to help run ${conference} as ${role.toLowerCase()}.`,
    signedInAs: (name: string) => `You are logged in as ${name}.`, accept: 'Accept the invitation',
    haveAccount: 'Already have an account?', logIn: 'Log in and accept the invitation',
    newAccount: 'New account', newAccountHint: 'Choose a name and password to create your account with the address', name: 'Your name',
    password: 'Password', passwordHint: 'At least 12 characters; a few unrelated words work well.', create: 'Create account and accept',
    problem: 'That did not work', invalid: 'The invitation is invalid, already used or too old. Ask for a new one.',
    accountExists: 'There already is an account with that address. Log in to accept the invitation.',
  },
  mail: {
    subject: (conference: string) => `Invitation to help run ${conference}`, greeting: 'Hello,',
    body: (inviter: string, conference: string, role: string) => `${inviter} has invited you to help run ${conference} in Dialogdag, as ${role.toLowerCase()}.`,
    validity: (until: string) => `The link works until ${until}, once. Without an account, you create one there.`,
    link: 'Accept the invitation', signature: '/Dialogdag',
  },
  errors: {
    memberNotFound: 'That person does not take part in running the conference.',
    lastOwner: 'A conference needs at least one owner. Make someone else owner first.',
    alreadyMember: 'That person already takes part in running the conference. Change their role in the list instead.',
    invitationInvalid: 'The invitation is invalid, already used or too old. Ask for a new one.',
    invitationNotFound: 'No such unanswered invitation.',
  },
};

export const MEMBERS_TEXTS: Texts<CatalogueShape<typeof sv>> = { sv, en };
