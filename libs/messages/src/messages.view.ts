import { toStockholmIso } from '@dialogdag/shared';
import type { ProgressSummary } from './domain/progress';
import type { Recipient } from './domain/recipient-filter';
import { contentOf, Message } from './message.entity';
import type { RecipientReport } from './message-records.service';

export function toMessageView(message: Message, progress: ProgressSummary) {
  const content = contentOf(message);
  return {
    id: message.id,
    conferenceId: message.conferenceId,
    sentBy: { id: message.sentById, name: message.sentByName },
    sentAt: toStockholmIso(message.sentAt),
    subject: content.subject,
    body: content.body,
    filter: message.filter,
    recipientCount: message.recipientCount,
    progress,
  };
}

export function toRecipientView(r: RecipientReport) {
  return {
    id: r.id,
    kind: r.kind,
    registrationId: r.registrationId,
    speakerId: r.speakerId,
    name: r.name,
    email: r.email,
    language: r.language,
    status: r.status,
    reason: r.reason,
    sentAt: r.sentAt ? toStockholmIso(r.sentAt) : null,
  };
}

export function toSampleView(r: Recipient) {
  return { kind: r.kind, id: r.id, name: r.name, email: r.email, language: r.language };
}
