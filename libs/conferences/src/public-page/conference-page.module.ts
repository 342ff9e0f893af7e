import { Module } from '@nestjs/common';
import { ConferencesModule } from '../conferences.module';
import { ConferencePageSections } from './conference-page-sections';
import { ConferencePageRenderer } from './conference-page.renderer';
import { PublicConferencePages } from './public-conference.pages';

/** The public conference page; libs that add a section import this module and register in ConferencePageSections. */
@Module({
  imports: [ConferencesModule],
  controllers: [PublicConferencePages],
  providers: [ConferencePageSections, ConferencePageRenderer],
  exports: [ConferencePageSections, ConferencePageRenderer],
})
export class ConferencePageModule {}
