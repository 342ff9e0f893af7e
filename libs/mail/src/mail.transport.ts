import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { MailConfig } from '@dialogdag/config';
import { MailAttachment } from './outbox-message.entity';

export interface OutgoingMessage {
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  attachments: MailAttachment[];
}

/** Delivers one message over SMTP; knows nothing of what the messages say. */
@Injectable()
export class MailTransport implements OnModuleDestroy {
  private readonly transporter: Transporter | null;

  constructor(private readonly config: MailConfig) {
    this.transporter = config.smtpUrl
      ? createTransport(config.smtpUrl)
      : null;
  }

  get enabled(): boolean {
    return this.transporter !== null;
  }

  async send(message: OutgoingMessage): Promise<void> {
    if (!this.transporter) throw new Error('No SMTP_URL configured');
    await this.transporter.sendMail({
      from: this.config.mailFrom,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html ?? undefined,
      messageId: message.messageId,
      attachments: message.attachments.map((a) => ({
        filename: a.filename,
        contentType: a.contentType,
        content: Buffer.from(a.content, 'base64'),
      })),
    });
  }

  onModuleDestroy(): void {
    this.transporter?.close();
  }
}
