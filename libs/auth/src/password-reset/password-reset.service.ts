import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@dialogdag/config';
import { OutboxService, renderMailBody } from '@dialogdag/mail';
import { Clock, DomainError, hashToken, Language, newSecretToken } from '@dialogdag/shared';
import { AuthService } from '../auth.service';
import { RateCounter } from '../throttle/rate-counter.service';
import { RESET_TEXTS } from './password-reset.texts';

const LINK_VALID_MS = 60 * 60_000;
const WINDOW_MS = 15 * 60_000;
/** Reset e-mails per account and window: enough for a lost first mail, too few to flood an inbox. */
const MAILS_PER_ACCOUNT = 3;
const REQUESTS_PER_ADDRESS = 20;

export const resetLinkInvalid = () =>
  new DomainError('reset_link_invalid', 'invalid', 'The link is invalid, already used or too old. Ask for a new one.', 'token');
export const tooManyResetRequests = () =>
  new DomainError('too_many_reset_requests', 'too_many_requests', 'Too many attempts. Wait a while and try again.');

/**
 * Password reset by e-mail: a single-use link that expires after an hour, stored only as a hash and sent through
 * the outbox. Asking answers the same whether or not the account exists.
 */
@Injectable()
export class PasswordResetService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly auth: AuthService,
    private readonly outbox: OutboxService,
    private readonly counter: RateCounter,
    private readonly clock: Clock,
    private readonly app: AppConfig,
  ) {}

  async request(email: string, clientAddress: string, lang: Language): Promise<void> {
    const byAddress = await this.counter.hit(`reset-address:${clientAddress}`, REQUESTS_PER_ADDRESS, WINDOW_MS);
    if (!byAddress.allowed) throw Object.assign(tooManyResetRequests(), { retryAfterSeconds: byAddress.retryAfterSeconds });
    const organiser = await this.auth.findOrganiserByEmail(email);
    if (!organiser) return;
    // Over the per-account limit nothing more is sent, and the answer stays the same.
    if (!(await this.counter.hit(`reset-account:${organiser.id}`, MAILS_PER_ACCOUNT, WINDOW_MS)).allowed) return;
    const token = newSecretToken();
    const now = this.clock.now();
    const t = RESET_TEXTS[lang];
    const url = `${this.app.publicBaseUrl()}/admin/password-reset/${token}?lang=${lang}`;
    const { text, html } = renderMailBody({ greeting: t.greeting, paragraphs: [t.body, t.ignore], link: { label: t.link, url }, signature: t.signature }, lang);
    await this.db.transaction(async (manager) => {
      await manager.query(`INSERT INTO password_reset (token_hash, organiser_id, expires_at, created_at) VALUES ($1, $2, $3, $4)`, [
        hashToken(token), organiser.id, new Date(now.getTime() + LINK_VALID_MS), now,
      ]);
      await this.outbox.enqueue(manager, { kind: 'password_reset', to: organiser.email, subject: t.subject, text, html });
    });
  }

  /** Whether the link still works (for showing the form); the token is looked up by its hash. */
  async isUsable(token: string): Promise<boolean> {
    const rows = await this.db.query(`SELECT 1 FROM password_reset WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2`, [
      hashToken(token), this.clock.now(),
    ]);
    return rows.length > 0;
  }

  /** Sets the new password and uses up the link (and every other open link of the account) in one transaction. */
  async complete(token: string, password: string): Promise<void> {
    const now = this.clock.now();
    await this.db.transaction(async (manager) => {
      const [rows]: [Array<{ organiserId: string; email: string }>, number] = await manager.query(
        `UPDATE password_reset r SET used_at = $2 FROM organiser o
         WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > $2 AND o.id = r.organiser_id
         RETURNING r.organiser_id AS "organiserId", o.email`,
        [hashToken(token), now],
      );
      if (!rows[0]) throw resetLinkInvalid();
      this.auth.assertAcceptablePassword(password, rows[0].email);
      await manager.query(`UPDATE password_reset SET used_at = $2 WHERE organiser_id = $1 AND used_at IS NULL`, [rows[0].organiserId, now]);
      await this.auth.setPassword(rows[0].organiserId, rows[0].email, password, manager);
    });
  }
}
