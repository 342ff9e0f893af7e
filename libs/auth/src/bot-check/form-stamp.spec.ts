import { createHmac } from 'node:crypto';
import { ManualClock } from '@dialogdag/shared';
import type { AuthService } from '../auth.service';
import { FormStamp } from './form-stamp';

describe('FormStamp', () => {
  const clock = new ManualClock('2030-03-01T10:00:00Z');
  const keyed = { keyedDigest: async (purpose: string, value: string) => createHmac('sha256', 'test secret').update(`${purpose}:${value}`).digest('base64url') };
  const stamp = new FormStamp(keyed as unknown as AuthService, clock);

  it('lets a form through that was shown a while ago with an empty honeypot', async () => {
    const issued = await stamp.issue();
    clock.advance(15_000);
    expect(await stamp.judge({ website: '', _stamp: issued })).toBe('person');
  });

  it('stops a form posted at once, with the honeypot filled, or with a forged or missing stamp', async () => {
    const issued = await stamp.issue();
    expect(await stamp.judge({ website: '', _stamp: issued })).toBe('too_fast');
    clock.advance(15_000);
    expect(await stamp.judge({ website: 'https://spam.example', _stamp: issued })).toBe('honeypot');
    const [, mac] = issued.split('.');
    expect(await stamp.judge({ _stamp: `${clock.now().getTime() - 60_000}.${mac}` })).toBe('no_stamp');
    expect(await stamp.judge({})).toBe('no_stamp');
    expect(await stamp.judge('not a form')).toBe('no_stamp');
  });

  it('renders the hidden fields', async () => {
    const fields = String(await stamp.fields());
    expect(fields).toContain('name="website"');
    expect(fields).toMatch(/name="_stamp" value="\d+\.[\w-]+"/);
  });
});

describe('FormStamp with a minimum fill time of the form’s own', () => {
  const clock = new ManualClock('2030-03-01T10:00:00Z');
  const keyed = { keyedDigest: async (purpose: string, value: string) => createHmac('sha256', 'test secret').update(`${purpose}:${value}`).digest('base64url') };
  const stamp = new FormStamp(keyed as unknown as AuthService, clock);

  it('judges the fill time against the minimum given', async () => {
    const issued = await stamp.issue();
    clock.advance(1_000);
    expect(await stamp.judge({ _stamp: issued }, { minFillMs: 2_000 })).toBe('too_fast');
    expect(await stamp.judge({ _stamp: issued }, { minFillMs: 0 })).toBe('person');
    expect(await stamp.judge({ website: 'x', _stamp: issued }, { minFillMs: 0 })).toBe('honeypot');
  });
});
