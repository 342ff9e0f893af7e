export * from './html';
export * from './language';
export * from './forms';
export * from './layout';
export * from './web.module';
export * from './reply';
export * from './web.texts';
export * from './bot-check.rules';
