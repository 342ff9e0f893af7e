import fc from 'fast-check';
import { CONFERENCE_ROLES, ConferenceRole, isConferenceRole, Permission, PERMISSIONS, roleAllows, rolesAllowing } from './permissions.rules';

const role = fc.constantFrom<ConferenceRole>(...CONFERENCE_ROLES);
const permission = fc.constantFrom<Permission>(...PERMISSIONS);

describe('permissions per conference role', () => {
  it('is the matrix in the README', () => {
    const matrix = Object.fromEntries(PERMISSIONS.map((p) => [p, rolesAllowing(p)]));
    expect(matrix).toEqual({
      'conference.view': ['owner', 'organiser', 'checkin', 'reviewer', 'viewer'],
      'figures.read': ['owner', 'organiser', 'viewer'],
      'conference.edit': ['owner', 'organiser'],
      'participants.read': ['owner', 'organiser'],
      'participants.manage': ['owner', 'organiser'],
      checkin: ['owner', 'organiser', 'checkin'],
      'claims.review': ['owner', 'organiser', 'reviewer'],
      'members.manage': ['owner'],
      'audit.read': ['owner'],
    });
  });

  it('property: the owner may do everything, and whatever another role may, an organiser may too (but what is the owner’s)', () => {
    const ownersOnly: Permission[] = ['members.manage', 'audit.read'];
    fc.assert(
      fc.property(role, permission, (r, p) => {
        expect(roleAllows('owner', p)).toBe(true);
        if (roleAllows(r, p) && !ownersOnly.includes(p)) expect(roleAllows('organiser', p)).toBe(true);
      }),
    );
  });

  it('property: every role sees the conference; only the owner manages its members and reads its audit log', () => {
    fc.assert(
      fc.property(role, (r) => {
        expect(roleAllows(r, 'conference.view')).toBe(true);
        expect(roleAllows(r, 'members.manage')).toBe(r === 'owner');
        expect(roleAllows(r, 'audit.read')).toBe(r === 'owner');
      }),
    );
  });

  it('keeps check-in staff, reviewers and viewers to their own part', () => {
    const own = (r: ConferenceRole) => PERMISSIONS.filter((p) => roleAllows(r, p));
    expect(own('checkin')).toEqual(['conference.view', 'checkin']);
    expect(own('reviewer')).toEqual(['conference.view', 'claims.review']);
    expect(own('viewer')).toEqual(['conference.view', 'figures.read']);
  });

  it('knows its roles', () => {
    expect(CONFERENCE_ROLES.every(isConferenceRole)).toBe(true);
    expect(isConferenceRole('admin')).toBe(false);
    expect(isConferenceRole(undefined)).toBe(false);
  });
});
