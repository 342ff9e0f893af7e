import { Programme1763900001100 } from './migrations/1763900001100-programme';
import { ProgrammeModerator1764000000500 } from './migrations/1764000000500-programme-moderator';

export * from './programme.rules';
export * from './programme.dto';
export * from './programme-item.entity';
export * from './programme.service';
export * from './programme.commands';
export * from './programme.view';
export * from './programme.render';
export * from './programme.module';
export const programmeMigrations = [Programme1763900001100, ProgrammeModerator1764000000500];
