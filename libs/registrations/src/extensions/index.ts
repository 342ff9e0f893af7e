export * from './participant';
export * from './participants.service';
export * from './registration-extensions';
