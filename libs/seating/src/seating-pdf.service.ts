import { Injectable } from '@nestjs/common';
import { ConferencesService } from '@dialogdag/conferences';
import { findUnicodeFonts } from '@dialogdag/registrations';
import { Language } from '@dialogdag/shared';
import { findYourTablePdf, tableCardsPdf } from './seating.pdf';
import { SeatingService } from './seating.service';
import { SEATING_TEXTS } from './seating.texts';

/** The printed side of the placement: table cards and the "find your table" list. */
@Injectable()
export class SeatingPdfService {
  constructor(
    private readonly seating: SeatingService,
    private readonly conferences: ConferencesService,
  ) {}

  async tableCards(organiserId: string, conferenceId: string, lang: Language): Promise<Buffer> {
    const { view, people } = await this.seating.get(organiserId, conferenceId);
    const conference = await this.conferences.findById(conferenceId);
    const cards = view.tables
      .filter((t) => t.registrationIds.length > 0)
      .map((t) => ({ name: t.name, people: t.registrationIds.map((id) => ({ name: people.get(id)!.name, organisation: people.get(id)!.organisation })) }));
    return tableCardsPdf(conference.title, cards, SEATING_TEXTS[lang], findUnicodeFonts());
  }

  async findYourTable(organiserId: string, conferenceId: string, lang: Language): Promise<Buffer> {
    const { view, people } = await this.seating.get(organiserId, conferenceId);
    const conference = await this.conferences.findById(conferenceId);
    const rows = view.tables.flatMap((t) =>
      t.registrationIds.map((id) => ({ name: people.get(id)!.name, organisation: people.get(id)!.organisation, table: t.name })),
    );
    return findYourTablePdf(conference.title, rows, SEATING_TEXTS[lang], findUnicodeFonts());
  }
}
