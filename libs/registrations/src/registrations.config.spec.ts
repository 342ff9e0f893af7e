import { ConfigError } from '@dialogdag/config';
import { loadRegistrationsConfig } from './registrations.config';

describe('registrations configuration', () => {
  it('keeps registrations a year and asks for 3 seconds on the public form by default', () => {
    expect(loadRegistrationsConfig({})).toMatchObject({ retentionDays: 365, publicFormMinFillSeconds: 3 });
    expect(loadRegistrationsConfig({ RETENTION_DAYS: '30', PUBLIC_FORM_MIN_FILL_SECONDS: '0' })).toMatchObject({ retentionDays: 30, publicFormMinFillSeconds: 0 });
  });

  it('names each bad value', () => {
    expect(() => loadRegistrationsConfig({ RETENTION_DAYS: 'a year' })).toThrow(ConfigError);
    expect(() => loadRegistrationsConfig({ RETENTION_DAYS: '-1' })).toThrow(/RETENTION_DAYS must be 0 or more/);
    expect(() => loadRegistrationsConfig({ PUBLIC_FORM_MIN_FILL_SECONDS: '2.5' })).toThrow(/PUBLIC_FORM_MIN_FILL_SECONDS/);
  });
});
