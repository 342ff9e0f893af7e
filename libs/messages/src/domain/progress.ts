/** Where one recipient's e-mail is: waiting (for its turn, or for the outbox to deliver or retry), sent, or failed. */
export type DeliveryStatus = 'queued' | 'sent' | 'failed';

export interface RecipientProgress {
  status: DeliveryStatus;
  /** Why it failed, or why the outbox is still retrying it. */
  reason: string | null;
  sentAt: Date | null;
}

export interface RecipientRow {
  state: 'queued' | 'handed' | 'failed';
  lastError: string | null;
}

export interface OutboxRow {
  status: 'pending' | 'sent' | 'failed';
  lastError: string | null;
  sentAt: Date | null;
}

export function recipientProgress(row: RecipientRow, outbox: OutboxRow | undefined): RecipientProgress {
  if (row.state === 'failed') return { status: 'failed', reason: row.lastError, sentAt: null };
  if (row.state === 'queued' || !outbox) return { status: 'queued', reason: null, sentAt: null };
  if (outbox.status === 'sent') return { status: 'sent', reason: null, sentAt: outbox.sentAt };
  return { status: outbox.status === 'failed' ? 'failed' : 'queued', reason: outbox.lastError, sentAt: null };
}

export interface ProgressSummary {
  total: number;
  queued: number;
  sent: number;
  failed: number;
}

export function summarise(progress: RecipientProgress[]): ProgressSummary {
  const summary = { total: progress.length, queued: 0, sent: 0, failed: 0 };
  for (const p of progress) summary[p.status]++;
  return summary;
}
