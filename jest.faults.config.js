// `npm run test:faults`: PostgreSQL killed and restarted, the app signalled during a burst. These start
// PostgreSQL and the built app themselves and take minutes, so `npm test` leaves them out; `.ci/run` runs both.
const base = require('./jest.config.js');
const e2e = base.projects.find((project) => project.displayName === 'e2e');

module.exports = {
  // One at a time: each kills and restarts processes and measures how fast the app answers meanwhile.
  maxWorkers: 1,
  testTimeout: 300000,
  reporters: base.reporters,
  projects: [
    {
      ...e2e,
      displayName: 'faults',
      testMatch: ['<rootDir>/test/faults/**/*.fault-spec.ts'],
      globalSetup: '<rootDir>/test/faults/support/build.ts',
      globalTeardown: undefined,
    },
  ],
};
