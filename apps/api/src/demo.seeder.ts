import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AuthService } from '@dialogdag/auth';
import { AppConfig, AuthConfig } from '@dialogdag/config';
import { ConferencesService, MembersService } from '@dialogdag/conferences';
import { ProgrammeCommands } from '@dialogdag/programme';
import { SpeakersService } from '@dialogdag/speakers';
import { Clock, DomainError, fromStockholmLocal, Sector, stockholmDateInput, toStockholmIso } from '@dialogdag/shared';
import type { ProgrammeKind, SpeakerRole } from '@dialogdag/programme';
import { seedReportsDemo } from './demo/reports-demo';
import { assignDemoWorkshopsAndTables, createDemoWorkshops } from './demo/workshops-seating-demo';

export const DEMO_EMAIL = 'demo@dialogdag.local';
export const DEMO_SLUG = 'dialogkonferens-goteborg';

export interface SeedReport {
  admin?: { email: string };
  demo?: { email: string; password: string | null; slug: string };
}

/** Creates the first organiser (ADMIN_EMAIL) and, on an empty database, demo data to try things with. */
@Injectable()
export class DemoSeeder {
  constructor(
    private readonly auth: AuthService,
    private readonly conferences: ConferencesService,
    private readonly members: MembersService,
    private readonly programme: ProgrammeCommands,
    private readonly speakers: SpeakersService,
    private readonly app: AppConfig,
    private readonly authConfig: AuthConfig,
    private readonly clock: Clock,
    private readonly moduleRef: ModuleRef,
  ) {}

  async seed(): Promise<SeedReport> {
    const report: SeedReport = {};
    const emptyDatabase = (await this.auth.countOrganisers()) === 0;
    if (this.authConfig.adminEmail && this.authConfig.adminPassword) {
      const created = await this.auth.ensureFirstOrganiser({
        email: this.authConfig.adminEmail,
        name: 'Administratör',
        password: this.authConfig.adminPassword,
      });
      if (created) report.admin = { email: created.email };
    }
    if (this.app.demoData) report.demo = await this.seedDemo(emptyDatabase);
    return report;
  }

  private async seedDemo(emptyDatabase: boolean): Promise<SeedReport['demo']> {
    const passwordFile = join(this.app.dataDir, 'demo-login.txt');
    if (emptyDatabase) {
      const password = randomBytes(9).toString('base64url');
      const organiser = await this.auth
        .createOrganiser({ email: DEMO_EMAIL, name: 'Demo-arrangör', password, isPlatformAdmin: true })
        .catch((error) => {
          // Another instance starting at the same moment created it.
          if (error instanceof DomainError && error.code === 'organiser_exists') return null;
          throw error;
        });
      if (organiser) {
        await mkdir(this.app.dataDir, { recursive: true });
        await writeFile(passwordFile, `${DEMO_EMAIL}\n${password}\n`, { mode: 0o600 });
        const conferenceId = await this.createDemoConference(organiser.id);
        const choices = await createDemoWorkshops(this.moduleRef, organiser.id, conferenceId);
        await seedReportsDemo(this.moduleRef, organiser.id, conferenceId, choices);
        await assignDemoWorkshopsAndTables(this.moduleRef, organiser.id, conferenceId);
        // The first organiser from ADMIN_EMAIL owns the demo too, so it shows in their back office.
        const admin = this.authConfig.adminEmail ? await this.auth.findOrganiserByEmail(this.authConfig.adminEmail) : null;
        if (admin) await this.members.add(conferenceId, admin.id, 'owner');
        return { email: DEMO_EMAIL, password, slug: DEMO_SLUG };
      }
    }
    // Not a fresh database: report the demo login only if it is still there.
    if (!(await this.auth.findOrganiserByEmail(DEMO_EMAIL))) return undefined;
    const saved = existsSync(passwordFile) ? (await readFile(passwordFile, 'utf8')).split('\n')[1] : null;
    return { email: DEMO_EMAIL, password: saved || null, slug: DEMO_SLUG };
  }

  /** Modelled on a real regional dialogue conference invitation. */
  private async createDemoConference(organiserId: string): Promise<string> {
    const now = this.clock.now();
    // A weekday about six weeks ahead, 09:00–16:00 Swedish time.
    const day = new Date(now.getTime() + 42 * 86400_000);
    while ([0, 6].includes(new Date(stockholmDateInput(day)).getUTCDay())) day.setTime(day.getTime() + 86400_000);
    const [y, m, d] = stockholmDateInput(day).split('-').map(Number);
    const startsAt = fromStockholmLocal(y, m, d, 9, 0);
    const endsAt = fromStockholmLocal(y, m, d, 16, 0);
    const deadline = stockholmDateInput(new Date(startsAt.getTime() - 14 * 86400_000));
    const travelDeadline = stockholmDateInput(new Date(startsAt.getTime() + 14 * 86400_000));
    const conference = await this.conferences.create(organiserId, {
      title: 'Dialogkonferens Västra Götaland – från ord till handling',
      slug: DEMO_SLUG,
      description:
        'En endagskonferens där staten, kommunerna och regionen samt det civila samhället möts som jämbördiga parter för att samtala om integration – hinder och möjligheter.',
      targetAudience: 'Föreningsaktiva, politiker, tjänstepersoner, praktiker och företagare',
      arrangers: 'Länsstyrelsen i Västra Götalands län, Göteborgs Stad och Idéburna organisationers samverkansråd',
      costNote: 'Konferensen är kostnadsfri. Lunch och fika ingår.',
      contactEmail: 'konferens@dialogdag.local',
      startsAt: toStockholmIso(startsAt),
      endsAt: toStockholmIso(endsAt),
      venue: { name: 'Folkets Hus', address: 'Olof Palmes plats 1', city: 'Göteborg' },
      capacity: 120,
      registrationDeadline: deadline,
      cancellationDeadline: deadline,
      cancellationFee: 40000,
      travelPolicy: { minRoundTripKm: 100, requestDeadline: travelDeadline, ratePerKm: 250, budget: 2_000_000 },
    });
    await this.createDemoProgramme(organiserId, conference.id);
    await this.conferences.publish(organiserId, conference.id);
    return conference.id;
  }

  /** The day as printed invitations ran it: the parties' starting points, a panel, parallel workshops. */
  private async createDemoProgramme(organiserId: string, conferenceId: string): Promise<void> {
    const speaker = async (name: string, title: string, organisation: string, sector: Sector) =>
      (await this.speakers.create(organiserId, conferenceId, { name, title, organisation, sector, status: 'confirmed' })).id;
    const moderator = await speaker('Anna Svensson', 'Journalist och moderator', 'Fristående', 'other');
    const state = await speaker('Karl Ahmadi', 'Länsråd', 'Länsstyrelsen i Västra Götalands län', 'county_board');
    const municipality = await speaker('Eva Johansson', 'Kommunstyrelsens ordförande', 'Göteborgs Stad', 'municipality');
    const civil = await speaker('Samir Haddad', 'Ordförande', 'Idéburna organisationers samverkansråd', 'civil_society');
    const researcher = await speaker('Lena Berg', 'Docent i socialt arbete', 'Göteborgs universitet', 'academia');
    const inspirers = [
      await speaker('Fatima Ali', 'Verksamhetsledare', 'Hyresgästföreningen Hjällbo', 'civil_society'),
      await speaker('Johan Lund', 'Enhetschef', 'Arbetsförmedlingen', 'state_agency'),
      await speaker('Maja Nilsson', 'Folkhälsostrateg', 'Västra Götalandsregionen', 'region'),
    ];
    await this.programme.setModerator(organiserId, conferenceId, moderator);
    const items: Array<[string, string, ProgrammeKind, string, string | null, Array<[string, SpeakerRole]>]> = [
      ['09:00', '09:30', 'registration', 'Registrering och kaffe', null, []],
      ['09:30', '09:45', 'welcome', 'Välkommen', null, [[moderator, 'moderator']]],
      ['09:45', '10:30', 'talk', 'Parternas utgångspunkter', null, [[state, 'speaker'], [municipality, 'speaker'], [civil, 'speaker']]],
      ['10:30', '11:00', 'talk', 'Föreläsning: Samverkan som fungerar', null, [[researcher, 'speaker']]],
      ['11:00', '11:15', 'break', 'Paus', null, []],
      ['11:15', '12:00', 'panel', 'Panelsamtal: Hinder och möjligheter', null, [[moderator, 'moderator'], [state, 'panelist'], [municipality, 'panelist'], [civil, 'panelist']]],
      ['12:00', '13:00', 'lunch', 'Lunch', null, []],
      ['13:00', '13:10', 'cultural', 'Kulturellt inslag', null, []],
      ['13:10', '14:20', 'workshop', 'Dialogworkshop: Bostad', 'Sal A', [[inspirers[0], 'inspirer']]],
      ['13:10', '14:20', 'workshop', 'Dialogworkshop: Arbete', 'Sal B', [[inspirers[1], 'inspirer']]],
      ['13:10', '14:20', 'workshop', 'Dialogworkshop: Hälsa', 'Sal C', [[inspirers[2], 'inspirer']]],
      ['14:20', '14:40', 'break', 'Fika', null, []],
      ['14:40', '15:40', 'group_work', 'Från ord till handling – återkoppling från grupperna', null, [[moderator, 'moderator']]],
      ['15:40', '16:00', 'closing', 'Avslutning', null, [[moderator, 'moderator']]],
    ];
    for (const [startsAt, endsAt, kind, title, room, speakers] of items) {
      await this.programme.create(organiserId, conferenceId, {
        startsAt,
        endsAt,
        kind,
        title,
        room,
        speakers: speakers.map(([speakerId, role]) => ({ speakerId, role })),
      });
    }
  }
}
