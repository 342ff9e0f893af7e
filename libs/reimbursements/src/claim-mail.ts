import { ComposedMail, renderMailBody } from '@dialogdag/mail';
import { formatMoney, Language } from '@dialogdag/shared';
import { amountLines, amountSourceOf } from './claim-lines';
import { texts } from './i18n';
import { formatKm } from './rules/eligibility.rules';
import { referenceOf, TravelClaim } from './travel-claim.entity';

/** Who gets the e-mail and about which conference; never payee details. */
export interface ClaimMailTarget {
  lang: Language;
  to: string;
  name: string;
  conference: { id: string; title: string };
}

const money = (amount: number, lang: Language) => formatMoney(amount, lang);

function compose(kind: string, target: ClaimMailTarget, claim: TravelClaim, subject: string, body: Pick<ComposedMail, 'text' | 'html' | 'adaptable'>): ComposedMail {
  return { kind, to: target.to, subject, ...body, conferenceId: target.conference.id, registrationId: claim.registrationId };
}

function amountFacts(claim: TravelClaim, lang: Language): Array<[string, string]> {
  const t = texts(lang);
  return [
    [t.claimant.reference, referenceOf(claim)],
    [t.claimant.journey, t.claimant.journeyText(claim.fromPlace, formatKm(claim.roundTripKm, lang), t.modes[claim.mode])],
    ...amountLines(amountSourceOf(claim), lang),
  ];
}

/** "Claim received", with the amount computed under the rules and the link back to the claim. */
export function claimReceivedMail(target: ClaimMailTarget, claim: TravelClaim, claimUrl: string): ComposedMail {
  const t = texts(target.lang).mail;
  const paragraphs = [t.received(target.conference.title, referenceOf(claim)), t.receivedAmount(money(claim.computedAmount, target.lang))];
  if (claim.payeeKeyId === null) paragraphs.push(t.payeeNeeded);
  const body = renderMailBody(
    { greeting: t.greeting(target.name), paragraphs, facts: amountFacts(claim, target.lang), link: { label: t.link, url: claimUrl }, signature: t.signature },
    target.lang,
  );
  return compose('travel_claim_received', target, claim, t.receivedSubject(target.conference.title), body);
}

/** The decision, with its reason when adjusted or rejected. */
export function claimDecidedMail(target: ClaimMailTarget, claim: TravelClaim): ComposedMail {
  const t = texts(target.lang).mail;
  const reference = referenceOf(claim);
  const approved = money(claim.approvedAmount ?? 0, target.lang);
  const paragraphs =
    claim.status === 'approved'
      ? [t.approved(reference, approved)]
      : claim.status === 'adjusted'
        ? [t.adjusted(reference, approved, money(claim.computedAmount, target.lang))]
        : [t.rejected(reference)];
  if (claim.status !== 'rejected' && claim.payeeKeyId === null) paragraphs.push(t.payeeNeeded);
  const facts: Array<[string, string]> = claim.decisionReason && claim.status !== 'approved' ? [[t.reason, claim.decisionReason]] : [];
  const body = renderMailBody({ greeting: t.greeting(target.name), paragraphs, facts, signature: t.signature }, target.lang);
  return compose('travel_claim_decided', target, claim, t.decisionSubject(target.conference.title), body);
}

export function claimPaidMail(target: ClaimMailTarget, claim: TravelClaim): ComposedMail {
  const t = texts(target.lang).mail;
  const [y, m, d] = (claim.paidOn ?? '').split('-').map(Number);
  const date = new Intl.DateTimeFormat(target.lang === 'sv' ? 'sv-SE' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
  const body = renderMailBody(
    { greeting: t.greeting(target.name), paragraphs: [t.paid(referenceOf(claim), money(claim.approvedAmount ?? 0, target.lang), date)], signature: t.signature },
    target.lang,
  );
  return compose('travel_claim_paid', target, claim, t.paidSubject(target.conference.title), body);
}

/**
 * A travel-claim e-mail as it would read for a typical claim (240 km by car, approved), for the preview of a
 * conference's adapted texts: built by the templates above, so the generated part is the real one.
 */
export function sampleClaimMail(kind: 'travel_claim_received' | 'travel_claim_decided' | 'travel_claim_paid', target: ClaimMailTarget, claimUrl: string): ComposedMail {
  const claim = Object.assign(new TravelClaim(), {
    number: '1',
    conferenceId: target.conference.id,
    registrationId: '',
    status: kind === 'travel_claim_received' ? 'submitted' : 'approved',
    mode: 'car',
    fromPlace: target.lang === 'sv' ? 'Hemorten' : 'Home town',
    roundTripKm: 240,
    ticketCost: null,
    lostEarnings: 0,
    lostEarningsDescription: null,
    ratePerKm: 250,
    travelAmount: 60_000,
    lostEarningsAmount: 0,
    fixedFeeAmount: 0,
    computedAmount: 60_000,
    approvedAmount: kind === 'travel_claim_received' ? null : 60_000,
    decisionReason: null,
    paidOn: '2030-11-15',
    payeeKeyId: 'sample',
  } satisfies Partial<TravelClaim>) as TravelClaim;
  if (kind === 'travel_claim_received') return claimReceivedMail(target, claim, claimUrl);
  return kind === 'travel_claim_paid' ? claimPaidMail(target, claim) : claimDecidedMail(target, claim);
}
