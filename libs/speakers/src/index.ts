import { Speakers1763900001000 } from './migrations/1763900001000-speakers';

export * from './speaker.entity';
export * from './speaker.dto';
export * from './speakers.service';
export * from './speakers.module';
export const speakersMigrations = [Speakers1763900001000];
