export * from './clock';
export * from './domain-error';
export * from './money';
export * from './time';
export * from './tokens';
export * from './sectors';
export * from './language';
export * from './periodic-task';
