import { recipientProgress, summarise } from './progress';

describe('delivery progress', () => {
  const sentAt = new Date('2030-10-01T10:00:00Z');
  it('follows the recipient row, then the outbox row', () => {
    expect(recipientProgress({ state: 'queued', lastError: null }, undefined).status).toBe('queued');
    expect(recipientProgress({ state: 'failed', lastError: 'bad address' }, undefined)).toEqual({ status: 'failed', reason: 'bad address', sentAt: null });
    expect(recipientProgress({ state: 'handed', lastError: null }, { status: 'pending', lastError: null, sentAt: null }).status).toBe('queued');
    expect(recipientProgress({ state: 'handed', lastError: null }, { status: 'pending', lastError: '451 try later', sentAt: null })).toEqual({ status: 'queued', reason: '451 try later', sentAt: null });
    expect(recipientProgress({ state: 'handed', lastError: null }, { status: 'sent', lastError: null, sentAt })).toEqual({ status: 'sent', reason: null, sentAt });
    expect(recipientProgress({ state: 'handed', lastError: null }, { status: 'failed', lastError: '550 no such user', sentAt: null })).toEqual({ status: 'failed', reason: '550 no such user', sentAt: null });
  });

  it('counts each recipient once', () => {
    const s = summarise([
      { status: 'sent', reason: null, sentAt },
      { status: 'sent', reason: null, sentAt },
      { status: 'failed', reason: 'x', sentAt: null },
      { status: 'queued', reason: null, sentAt: null },
    ]);
    expect(s).toEqual({ total: 4, queued: 1, sent: 2, failed: 1 });
  });
});
