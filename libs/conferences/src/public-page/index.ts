export * from './conference-page-sections';
export { conferenceFacts, ConferencePageRenderer } from './conference-page.renderer';
export * from './conference-page.module';
