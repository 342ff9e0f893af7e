import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { MailConfig } from '@dialogdag/config';
import { qrPng } from '@dialogdag/shared';
import { MailAttachment } from './outbox-message.entity';

export interface OutgoingMessage {
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  attachments: MailAttachment[];
}

/** Connecting and the server's greeting: a server that is up answers these in well under a second. */
const HANDSHAKE_TIMEOUT_MS = 10_000;

/** Delivers one message over SMTP; knows nothing of what the messages say. */
@Injectable()
export class MailTransport implements OnModuleDestroy {
  private readonly transporter: Transporter | null;

  constructor(private readonly config: MailConfig) {
    const handshake = Math.min(HANDSHAKE_TIMEOUT_MS, config.sendTimeoutMs);
    const options: SMTPTransport.Options & { url: string; socketCloseTimeout: number } = {
      url: config.smtpUrl ?? '',
      connectionTimeout: handshake,
      greetingTimeout: handshake,
      socketTimeout: config.sendTimeoutMs,
      // An abandoned send's socket is destroyed at once rather than waiting for the server to close its side.
      socketCloseTimeout: 0,
    };
    this.transporter = config.smtpUrl ? createTransport(options) : null;
  }

  get enabled(): boolean {
    return this.transporter !== null;
  }

  /**
   * Sends one message. Gives up with an AbortError when `signal` aborts (shutdown) or MAIL_SEND_TIMEOUT_MS
   * passes; the server may then have accepted the message all the same, which only a retry with the same
   * Message-ID can leave for the receiver to sort out.
   */
  async send(message: OutgoingMessage, signal?: AbortSignal): Promise<void> {
    if (!this.transporter) throw new Error('No SMTP_URL configured');
    const timeout = AbortSignal.timeout(this.config.sendTimeoutMs);
    const options: Mail.Options & { signal: AbortSignal } = {
      from: this.config.mailFrom,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html ?? undefined,
      messageId: message.messageId,
      attachments: message.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: attachmentBytes(a) })),
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    };
    await this.transporter.sendMail(options);
  }

  onModuleDestroy(): void {
    this.transporter?.close();
  }
}

/** What a receiver gets: the bytes as stored, or the QR code drawn now. */
export function attachmentBytes(attachment: MailAttachment): Buffer {
  return 'qrCodeOf' in attachment ? qrPng(attachment.qrCodeOf) : Buffer.from(attachment.content, 'base64');
}
