import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('gives defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config.app.port).toBe(3000);
    expect(config.app.dataDir).toBe('./.data');
    expect(config.database.url).toBeUndefined();
    expect(config.mail.smtpUrl).toBeUndefined();
  });

  it('reads the documented variables', () => {
    const config = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://u:p@db:5432/dialogdag',
      SMTP_URL: 'smtp://127.0.0.1:2525',
      PUBLIC_RATE_LIMIT_PER_MINUTE: '0',
      ADMIN_EMAIL: 'admin@example.org',
      ADMIN_PASSWORD: 'a-long-password',
    });
    expect(config.app.port).toBe(8080);
    expect(config.app.publicRateLimitPerMinute).toBe(0);
    expect(config.database.url).toContain('db:5432');
    expect(config.auth.adminEmail).toBe('admin@example.org');
  });

  it('names every bad variable at once', () => {
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', SMTP_URL: 'http://x', ADMIN_EMAIL: 'nope' });
      fail('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const text = (error as ConfigError).problems.join('\n');
      expect(text).toMatch(/PORT/);
      expect(text).toMatch(/DATABASE_URL/);
      expect(text).toMatch(/SMTP_URL/);
      expect(text).toMatch(/ADMIN_EMAIL/);
      expect(text).toMatch(/ADMIN_PASSWORD must be set together/);
    }
  });
});
