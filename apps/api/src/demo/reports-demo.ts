import { ModuleRef } from '@nestjs/core';
import { ConferencesService } from '@dialogdag/conferences';
import { ProgrammeCommands } from '@dialogdag/programme';
import { OrganiserRegistrationsService, RegisterDto } from '@dialogdag/registrations';
import { EvaluationService, GroupNotesService, SeriesService } from '@dialogdag/reports';
import { Clock, fromStockholmLocal, stockholmDateInput, toStockholmIso } from '@dialogdag/shared';
import { DemoPerson, regionalPeople, SKANE, VASTRA_GOTALAND } from './demo-people';

/** Group-work outcomes as the 2023 consultation minutes list them: per question, obstacles, opportunities and proposals. */
const NOTES = [
  { theme: 'Bostad', groupName: 'Bord 1', obstacles: 'Trångboddhet\nHöga hyror i nyproduktionen\nSvårt att förstå bostadskön', opportunities: 'Hyresgästföreningens läxhjälp och mötesplatser\nAllmännyttan vill samverka', proposals: 'Bostadsrådgivning på flera språk\nGemensam träffpunkt i varje stadsdel' },
  { theme: 'Bostad', groupName: 'Bord 2', obstacles: 'Höga hyror i nyproduktionen\nOtrygga boendemiljöer', opportunities: 'Boende som engagerar sig i sitt område', proposals: 'Trygghetsvandringar med boende, polis och kommun' },
  { theme: 'Arbete', groupName: 'Bord 3', obstacles: 'Språkkrav som är högre än jobbet kräver\nLånga väntetider för validering', opportunities: 'Föreningar som brygga till arbetsgivare\nPraktikplatser i kommunen', proposals: 'Mentorsprogram tillsammans med näringslivet\nSnabbare validering av utländsk utbildning' },
  { theme: 'Arbete', groupName: 'Bord 4', obstacles: 'Få kontakter med arbetsgivare', opportunities: 'Idéburna organisationer som arbetsgivare', proposals: 'Idéburet offentligt partnerskap för arbetsträning' },
  { theme: 'Hälsa', groupName: 'Bord 5', obstacles: 'Vården når inte alla\nOhälsa hos nyanlända barn', opportunities: 'Hälsokommunikatörer som talar modersmålet\nFöreningarnas förtroende i grupper som vården inte når', proposals: 'Fler hälsokommunikatörer\nSamverkansavtal mellan regionen och föreningarna' },
];

const FREE_TEXTS = [
  ['Samtalen vid borden mellan parterna', 'Att kommunen lyssnade på föreningarna', 'Panelsamtalet var konkret', 'Att träffa andra föreningar', 'Workshopen om arbete'],
  ['Mer tid för grupparbetet', 'Färre talare på förmiddagen', 'Tydligare uppföljning efteråt', 'Bättre skyltning i lokalen', ''],
];

interface DemoContext {
  conferences: ConferencesService;
  programme: ProgrammeCommands;
  registrations: OrganiserRegistrationsService;
  series: SeriesService;
  notes: GroupNotesService;
  evaluation: EvaluationService;
  clock: Clock;
  organiserId: string;
}

async function register(
  ctx: DemoContext,
  conferenceId: string,
  people: DemoPerson[],
  choices: (n: number) => string[] = () => [],
): Promise<Array<{ id: string; manageToken: string; status: string }>> {
  const results = [];
  for (const [n, p] of people.entries()) {
    const dto = { name: p.name, email: p.email, organisation: p.organisation, sector: p.sector, isPolitician: !!p.isPolitician, politicalParty: p.politicalParty, isVolunteer: !!p.isVolunteer, workshopPreferences: choices(n) } as RegisterDto;
    const { registration, manageToken } = await ctx.registrations.addByHand(ctx.organiserId, conferenceId, dto, 'sv');
    results.push({ id: registration.id, manageToken, status: registration.status });
  }
  return results;
}

/** Every n-th of the list, so check-ins and answers spread over sectors instead of taking the first rows. */
const spread = <T>(items: T[], keep: (i: number) => boolean) => items.filter((_, i) => keep(i));

/**
 * Fills the demo so every reports page shows something at once: about 120 participants in today's demo
 * conference (a few checked in), a conference of the same series held three weeks ago with its check-ins,
 * group-work notes and evaluations, and the series that holds both.
 */
export async function seedReportsDemo(moduleRef: ModuleRef, organiserId: string, demoConferenceId: string, choices?: (n: number) => string[]): Promise<void> {
  const get = <T>(type: abstract new (...args: never[]) => T) => moduleRef.get<T>(type as new (...args: never[]) => T, { strict: false });
  const ctx: DemoContext = {
    conferences: get(ConferencesService), programme: get(ProgrammeCommands), registrations: get(OrganiserRegistrationsService), series: get(SeriesService),
    notes: get(GroupNotesService), evaluation: get(EvaluationService), clock: get(Clock), organiserId,
  };
  const upcoming = await register(ctx, demoConferenceId, regionalPeople(VASTRA_GOTALAND, 116), choices);
  for (const r of spread(upcoming, (i) => i % 20 === 0 && upcoming[i].status === 'confirmed')) await ctx.registrations.checkIn(organiserId, demoConferenceId, r.id);

  const pastId = await createPastConference(ctx);
  const past = await register(ctx, pastId, regionalPeople(SKANE, 104));
  const attended = spread(past, (i) => i % 13 !== 5);
  for (const r of attended) await ctx.registrations.checkIn(organiserId, pastId, r.id);
  for (const note of NOTES) await ctx.notes.create(organiserId, pastId, note);
  for (const [n, r] of spread(attended, (i) => i % 3 === 0).entries()) {
    await ctx.evaluation.submit(r.manageToken, {
      ratings: { r1: 3 + (n % 3 === 0 ? 2 : 1), r2: 3 + (n % 2), r3: n % 5 === 0 ? 3 : 5, r4: 4 - (n % 4 === 0 ? 1 : 0) },
      answers: { q1: FREE_TEXTS[0][n % FREE_TEXTS[0].length], q2: FREE_TEXTS[1][n % FREE_TEXTS[1].length] },
    });
  }
  const { series } = await ctx.series.create(organiserId, {
    title: `Regionala dialogkonferenser ${stockholmDateInput(ctx.clock.now()).slice(0, 4)}`,
    description: 'Regionala konferenser där staten, kommunerna och regionerna samt det civila samhället möts för att följa upp överenskommelsen.',
  });
  for (const id of [pastId, demoConferenceId]) await ctx.series.addConference(organiserId, series.id, id);
}

/** Held three weeks ago in Malmö, so its evaluation is still open and its report draft has everything. */
async function createPastConference(ctx: DemoContext): Promise<string> {
  const day = new Date(ctx.clock.now().getTime() - 21 * 86400_000);
  while ([0, 6].includes(new Date(stockholmDateInput(day)).getUTCDay())) day.setTime(day.getTime() - 86400_000);
  const [y, m, d] = stockholmDateInput(day).split('-').map(Number);
  const startsAt = fromStockholmLocal(y, m, d, 9, 0);
  const deadline = stockholmDateInput(new Date(startsAt.getTime() - 14 * 86400_000));
  const conference = await ctx.conferences.create(ctx.organiserId, {
    title: 'Dialogkonferens Skåne – hinder och möjligheter',
    slug: 'dialogkonferens-skane',
    description: 'En endagskonferens i regionen om samverkan mellan parterna.',
    targetAudience: 'Föreningsaktiva, politiker, tjänstepersoner, praktiker och företagare',
    arrangers: 'Länsstyrelsen Skåne, Malmö stad och Malmö Ideella Föreningars Paraply',
    startsAt: toStockholmIso(startsAt),
    endsAt: toStockholmIso(fromStockholmLocal(y, m, d, 16, 0)),
    venue: { name: 'Folkets Park, Moriskan', address: 'Amiralsgatan 35', city: 'Malmö' },
    capacity: 110,
    registrationDeadline: deadline,
    cancellationDeadline: deadline,
    cancellationFee: 40000,
  });
  const items: Array<[string, string, 'registration' | 'welcome' | 'talk' | 'lunch' | 'group_work' | 'closing', string]> = [
    ['09:00', '09:30', 'registration', 'Registrering och kaffe'],
    ['09:30', '09:45', 'welcome', 'Välkommen'],
    ['09:45', '10:45', 'talk', 'Parternas utgångspunkter'],
    ['12:00', '13:00', 'lunch', 'Lunch'],
    ['13:00', '15:00', 'group_work', 'Arbete i grupper: hinder och möjligheter'],
    ['15:30', '16:00', 'closing', 'Från ord till handling – avslutning'],
  ];
  for (const [from, to, kind, title] of items) {
    await ctx.programme.create(ctx.organiserId, conference.id, { startsAt: `${stockholmDateInput(startsAt)}T${from}`, endsAt: `${stockholmDateInput(startsAt)}T${to}`, kind, title, speakers: [] });
  }
  await ctx.conferences.publish(ctx.organiserId, conference.id);
  return conference.id;
}
