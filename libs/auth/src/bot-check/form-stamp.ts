import { Injectable } from '@nestjs/common';
import { Clock, safeEqual } from '@dialogdag/shared';
import { BotVerdict, html, judgeSubmission, SafeHtml } from '@dialogdag/web';
import { AuthService } from '../auth.service';

export const HONEYPOT_FIELD = 'website';
export const STAMP_FIELD = '_stamp';

/**
 * Anti-automation for public forms without a CAPTCHA service: a honeypot field and a signed timestamp of when
 * the form was shown. `fields()` goes into the form; `judge(body)` says whether the post looks like a person's.
 */
@Injectable()
export class FormStamp {
  constructor(
    private readonly auth: AuthService,
    private readonly clock: Clock,
  ) {}

  async issue(): Promise<string> {
    const issuedAt = String(this.clock.now().getTime());
    return `${issuedAt}.${await this.auth.keyedDigest('form-stamp', issuedAt)}`;
  }

  /** The two hidden fields for a form: the honeypot (hidden from people and screen readers) and the stamp. */
  async fields(): Promise<SafeHtml> {
    return html`<div class="honeypot" aria-hidden="true"><label for="${HONEYPOT_FIELD}">Website</label><input id="${HONEYPOT_FIELD}" name="${HONEYPOT_FIELD}" tabindex="-1" autocomplete="off"></div>
<input type="hidden" name="${STAMP_FIELD}" value="${await this.issue()}">`;
  }

  /** `minFillMs`: the form's own minimum fill time (default MIN_FILL_MS of libs/web). */
  async judge(body: unknown, options: { minFillMs?: number } = {}): Promise<BotVerdict> {
    const fields = (body ?? {}) as Record<string, unknown>;
    const issuedAtMs = await this.verifiedIssuedAt(fields[STAMP_FIELD]);
    return judgeSubmission({ honeypot: fields[HONEYPOT_FIELD], issuedAtMs, nowMs: this.clock.now().getTime(), minFillMs: options.minFillMs });
  }

  private async verifiedIssuedAt(stamp: unknown): Promise<number | null> {
    if (typeof stamp !== 'string' || stamp.length > 200) return null;
    const [issuedAt, mac] = stamp.split('.');
    if (!issuedAt || !mac || !/^\d{1,15}$/.test(issuedAt)) return null;
    return safeEqual(mac, await this.auth.keyedDigest('form-stamp', issuedAt)) ? Number(issuedAt) : null;
  }
}
