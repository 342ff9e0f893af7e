import { ConfigError } from '@dialogdag/config';
import { loadMessagesConfig } from './messages.config';

describe('messages configuration', () => {
  it('has defaults and reads the variables', () => {
    expect(loadMessagesConfig({})).toMatchObject({ ratePerMinute: 120, pollIntervalMs: 1000 });
    expect(loadMessagesConfig({ MESSAGE_RATE_PER_MINUTE: '30', MESSAGE_POLL_INTERVAL_MS: '200' })).toMatchObject({ ratePerMinute: 30, pollIntervalMs: 200 });
  });

  it('names a bad value', () => {
    expect(() => loadMessagesConfig({ MESSAGE_RATE_PER_MINUTE: 'fast' })).toThrow(ConfigError);
    expect(() => loadMessagesConfig({ MESSAGE_RATE_PER_MINUTE: '0' })).toThrow(/MESSAGE_RATE_PER_MINUTE must be at least 1/);
  });
});
