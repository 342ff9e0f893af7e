import fc from 'fast-check';
import { CONFERENCE_ROLES, ConferenceRole } from '@dialogdag/auth';
import { invitationExpiry, invitationUsable, leavesNoOwner, Member } from './members.rules';

const role = fc.constantFrom<ConferenceRole>(...CONFERENCE_ROLES);
const members = fc.uniqueArray(fc.record({ organiserId: fc.constantFrom('a', 'b', 'c', 'd', 'e'), role }), { selector: (m) => m.organiserId, minLength: 1 });

describe('the last owner', () => {
  it('cannot be removed or demoted', () => {
    const only: Member[] = [{ organiserId: 'a', role: 'owner' }, { organiserId: 'b', role: 'organiser' }];
    expect(leavesNoOwner(only, 'a', null)).toBe(true);
    expect(leavesNoOwner(only, 'a', 'viewer')).toBe(true);
    expect(leavesNoOwner(only, 'a', 'owner')).toBe(false);
    expect(leavesNoOwner(only, 'b', null)).toBe(false);
    expect(leavesNoOwner([...only, { organiserId: 'c', role: 'owner' }], 'a', null)).toBe(false);
  });

  it('property: a change that passes leaves an owner wherever there was one', () => {
    fc.assert(
      fc.property(members, fc.constantFrom('a', 'b', 'c', 'd', 'e'), fc.option(role, { nil: null }), (list, target, to) => {
        if (leavesNoOwner(list, target, to)) return;
        const after = list.flatMap((m) => (m.organiserId !== target ? [m] : to === null ? [] : [{ ...m, role: to }]));
        if (list.some((m) => m.role === 'owner')) expect(after.some((m) => m.role === 'owner')).toBe(true);
      }),
    );
  });

  it('property: changing a member who is not an owner never counts as leaving no owner', () => {
    fc.assert(
      fc.property(members, fc.option(role, { nil: null }), (list, to) => {
        for (const m of list.filter((x) => x.role !== 'owner')) expect(leavesNoOwner(list, m.organiserId, to)).toBe(false);
      }),
    );
  });
});

describe('invitations', () => {
  const now = new Date('2030-01-01T12:00:00Z');

  it('work once, for seven days', () => {
    const expiresAt = invitationExpiry(now);
    expect(expiresAt.toISOString()).toBe('2030-01-08T12:00:00.000Z');
    expect(invitationUsable({ acceptedAt: null, expiresAt }, now)).toBe(true);
    expect(invitationUsable({ acceptedAt: null, expiresAt }, expiresAt)).toBe(false);
    expect(invitationUsable({ acceptedAt: now, expiresAt }, now)).toBe(false);
  });
});
