import { Injectable, OnModuleInit } from '@nestjs/common';
import { ConferencePageSections } from '@dialogdag/conferences';
import { ProgrammeService } from './programme.service';
import { renderProgramme } from './programme.render';

/** The day's programme on the public conference page, after the facts and before the registration form. */
@Injectable()
export class ProgrammePageSection implements OnModuleInit {
  constructor(
    private readonly sections: ConferencePageSections,
    private readonly programme: ProgrammeService,
  ) {}

  onModuleInit(): void {
    this.sections.add({
      key: 'programme',
      order: 20,
      render: async (conference, lang) => renderProgramme(await this.programme.forConference(conference.id), lang, { links: `/c/${conference.slug}` }),
    });
  }
}
