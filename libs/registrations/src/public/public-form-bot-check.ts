import { Injectable } from '@nestjs/common';
import { FormStamp } from '@dialogdag/auth';
import { SafeHtml } from '@dialogdag/web';
import { RegistrationsConfig } from '../registrations.config';

/**
 * The public registration form's check against bots, without a CAPTCHA service: a honeypot field and a signed
 * stamp of when the form was shown, which must be at least PUBLIC_FORM_MIN_FILL_SECONDS old. The JSON API has
 * no form to stamp; the rate limit guards it instead.
 */
@Injectable()
export class PublicFormBotCheck {
  constructor(
    private readonly stamp: FormStamp,
    private readonly config: RegistrationsConfig,
  ) {}

  /** The hidden fields the form carries. */
  fields(): Promise<SafeHtml> {
    return this.stamp.fields();
  }

  /** Whether the post looks like a person's. Why not is never told: that would teach a bot what to change. */
  async passes(body: unknown): Promise<boolean> {
    return (await this.stamp.judge(body, { minFillMs: this.config.publicFormMinFillSeconds * 1000 })) === 'person';
  }
}
