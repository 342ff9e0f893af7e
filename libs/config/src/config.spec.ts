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

describe('security settings', () => {
  it('limits public requests by default and never believes X-Forwarded-For unless told', () => {
    const config = loadConfig({});
    expect(config.app.publicRateLimitPerMinute).toBe(60);
    expect(config.app.trustProxy).toBe(false);
  });

  it('reads TRUST_PROXY as a hop count or as proxy addresses and CIDR ranges', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).app.trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'false' }).app.trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.5,::1,fd00::/8,loopback' }).app.trustProxy).toEqual([
      '10.0.0.0/8', '192.168.1.5', '::1', 'fd00::/8', 'loopback',
    ]);
  });

  it('refuses TRUST_PROXY=true and anything that is no address', () => {
    for (const value of ['true', '10.0.0.0/33', 'proxy.example.org', '1.2.3.4/8/9', '99']) {
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY/);
    }
  });

  it('asks for at least 12 characters in ADMIN_PASSWORD', () => {
    expect(() => loadConfig({ ADMIN_EMAIL: 'a@example.org', ADMIN_PASSWORD: 'elevenchars' })).toThrow(/ADMIN_PASSWORD must be at least 12/);
  });
});

describe('messages settings', () => {
  it('has defaults and reads the variables', () => {
    expect(loadConfig({}).messages).toMatchObject({ ratePerMinute: 120, pollIntervalMs: 1000 });
    expect(loadConfig({ MESSAGE_RATE_PER_MINUTE: '30', MESSAGE_POLL_INTERVAL_MS: '200' }).messages).toMatchObject({ ratePerMinute: 30, pollIntervalMs: 200 });
  });

  it('names a bad value', () => {
    expect(() => loadConfig({ MESSAGE_RATE_PER_MINUTE: 'fast' })).toThrow(ConfigError);
    expect(() => loadConfig({ MESSAGE_RATE_PER_MINUTE: '0' })).toThrow(/MESSAGE_RATE_PER_MINUTE must be at least 1/);
    expect(() => loadConfig({ MESSAGE_POLL_INTERVAL_MS: '10' })).toThrow(/MESSAGE_POLL_INTERVAL_MS must be at least 50/);
  });
});

describe('operations settings', () => {
  it('gives a pool, a shutdown grace, a send timeout and a body retention by default', () => {
    const config = loadConfig({});
    expect(config.database.poolSize).toBe(20);
    expect(config.app.shutdownGraceMs).toBe(10_000);
    expect(config.mail.sendTimeoutMs).toBe(60_000);
    expect(config.mail.bodyRetentionHours).toBe(168);
  });

  it('reads them from the environment', () => {
    const config = loadConfig({ DATABASE_POOL_SIZE: '8', SHUTDOWN_GRACE_MS: '0', MAIL_SEND_TIMEOUT_MS: '15000', OUTBOX_BODY_RETENTION_HOURS: '0' });
    expect(config.database.poolSize).toBe(8);
    expect(config.app.shutdownGraceMs).toBe(0);
    expect(config.mail.sendTimeoutMs).toBe(15_000);
    expect(config.mail.bodyRetentionHours).toBe(0);
  });

  it('names each one that is out of range or no number', () => {
    for (const [name, value] of [['DATABASE_POOL_SIZE', '1'], ['DATABASE_POOL_SIZE', 'many'], ['SHUTDOWN_GRACE_MS', '-1'], ['MAIL_SEND_TIMEOUT_MS', '10'], ['OUTBOX_BODY_RETENTION_HOURS', '1.5']]) {
      expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(name));
    }
  });
});
