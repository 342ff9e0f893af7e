import { Injectable } from '@nestjs/common';
import { AuthConfig } from '@dialogdag/config';
import { DomainError } from '@dialogdag/shared';
import { tooManyLoginAttempts } from './auth.errors';
import { AuthService } from './auth.service';
import { RateCounter } from './throttle/rate-counter.service';

export const LOGIN_WINDOW_MS = 15 * 60_000;

/** A refusal that says when to try again (the exception filter sends it as Retry-After). */
export class LoginThrottled extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    const error = tooManyLoginAttempts();
    super(error.code, error.category, error.message);
  }
}

/**
 * Log-in with throttling and session rotation. Attempts are counted per account and per client address in
 * PostgreSQL (so every instance sees them) before the password is checked, for known and unknown e-mail
 * addresses alike: both answer the same, 401 while allowed and 429 once over the limit.
 */
@Injectable()
export class LoginService {
  constructor(
    private readonly auth: AuthService,
    private readonly counter: RateCounter,
    private readonly config: AuthConfig,
  ) {}

  async login(input: { email: string; password: string; clientAddress: string; previousSession?: string }) {
    const account = `login-account:${input.email.trim().toLowerCase()}`;
    const byAccount = await this.counter.hit(account, this.config.loginAttemptsPerAccount, LOGIN_WINDOW_MS);
    const byAddress = await this.counter.hit(`login-address:${input.clientAddress}`, this.config.loginAttemptsPerAddress, LOGIN_WINDOW_MS);
    if (!byAccount.allowed || !byAddress.allowed) {
      throw new LoginThrottled(Math.max(byAccount.allowed ? 0 : byAccount.retryAfterSeconds, byAddress.allowed ? 0 : byAddress.retryAfterSeconds));
    }
    const result = await this.auth.login(input.email, input.password);
    await this.counter.reset(account);
    // A new session id at every log-in; the one the browser came with (if any) ends, so a planted id is useless.
    if (input.previousSession) await this.auth.logout(input.previousSession);
    return result;
  }
}
