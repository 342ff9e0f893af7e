import { draftDigest, readComposeForm } from './compose-form';

describe('the compose form', () => {
  it('reads groups, criteria and both languages into the API shape', async () => {
    const { draft, errors } = await readComposeForm({
      groups: ['seat_holders', 'waitlisted'], checkedIn: 'no', parties: 'state', volunteers: 'all',
      'subject.sv': ' Ny ingång ', 'body.sv': 'Hej {name}', 'subject.en': '', previewAs: 'r:00000000-0000-4000-8000-000000000001',
    });
    expect(errors).toEqual({});
    expect(draft.filter).toMatchObject({ groups: ['seat_holders', 'waitlisted'], checkedIn: false, parties: ['state'], volunteers: 'all' });
    expect({ ...draft.subject }).toEqual({ sv: 'Ny ingång', en: undefined });
    expect(draft.registrationId).toBe('00000000-0000-4000-8000-000000000001');
  });

  it('takes a hand-picked list instead of the groups', async () => {
    const { draft } = await readComposeForm({ groups: 'seat_holders', picked: ['r:00000000-0000-4000-8000-000000000001', 's:00000000-0000-4000-8000-000000000002'] });
    expect(draft.filter).toEqual({ registrationIds: ['00000000-0000-4000-8000-000000000001'], speakerIds: ['00000000-0000-4000-8000-000000000002'] });
  });

  it('names unknown values', async () => {
    const { errors } = await readComposeForm({ groups: 'everyone', previewAs: 'r:nope' });
    expect(Object.keys(errors).sort()).toEqual(['filter.groups', 'registrationId']);
  });

  it('fingerprints what would be sent, not who it is previewed as', async () => {
    const a = (await readComposeForm({ groups: 'seat_holders', 'subject.sv': 'A', 'body.sv': 'B' })).draft;
    const b = (await readComposeForm({ groups: 'seat_holders', 'subject.sv': 'A', 'body.sv': 'B', previewAs: 'r:00000000-0000-4000-8000-000000000001' })).draft;
    const c = (await readComposeForm({ groups: 'seat_holders', 'subject.sv': 'A', 'body.sv': 'B!' })).draft;
    expect(draftDigest(a)).toBe(draftDigest(b));
    expect(draftDigest(a)).not.toBe(draftDigest(c));
  });
});
