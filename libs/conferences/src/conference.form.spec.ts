import { conferenceFormErrors, conferenceFormToDto } from './conference.form';

const base = { title: 'Dialogkonferens', slug: 'x-1', startsAt: '2030-10-20T09:00', endsAt: '2030-10-20T16:00', 'venue.name': 'Folkets Hus', capacity: '80' };

describe('conference form → DTO input', () => {
  it('turns kronor into öre through parseKronor, and an empty travel section into no policy', () => {
    const { input, errors } = conferenceFormToDto({ ...base, cancellationFeeKr: '400,50', 'travelPolicy.publicTransportAtCost': 'true' }, 'sv');
    expect(errors).toEqual({});
    expect(input).toMatchObject({ cancellationFee: 40050, travelPolicy: null });
    expect(input).not.toHaveProperty('travelPolicy.publicTransportAtCost');
    expect(conferenceFormToDto({ ...base, cancellationFeeKr: '' }, 'sv').input.cancellationFee).toBe(0);
  });

  it('takes the whole travel policy, an unticked box being false', () => {
    const { input } = conferenceFormToDto(
      { ...base, 'travelPolicy.requestDeadline': '2030-12-10', ratePerKmKr: '2.5', budgetKr: '20 000', lostEarningsCapKr: '1500', fixedFeeKr: '0', 'travelPolicy.lostEarningsAllowed': 'true' },
      'en',
    );
    expect(input).toMatchObject({
      'travelPolicy.requestDeadline': '2030-12-10',
      'travelPolicy.ratePerKm': 250,
      'travelPolicy.budget': 2_000_000,
      'travelPolicy.lostEarningsCap': 150_000,
      'travelPolicy.fixedFee': 0,
      'travelPolicy.lostEarningsAllowed': true,
      'travelPolicy.publicTransportAtCost': false,
    });
  });

  it('names amounts that are not kronor, in the reader’s language', () => {
    const body = { ...base, cancellationFeeKr: '-1', ratePerKmKr: 'två' };
    expect(conferenceFormToDto(body, 'sv').errors).toEqual({
      cancellationFeeKr: 'Ange avgiften i kronor, t.ex. 400 eller 0 för ingen avgift.',
      ratePerKmKr: 'Ange ersättningen per km i kronor, t.ex. 2,50.',
    });
    expect(conferenceFormToDto(body, 'en').errors.ratePerKmKr).toBe('Enter the rate per km in SEK, e.g. 2.50.');
  });

  it('puts the DTO’s errors on the form’s fields, with the form’s sentence', () => {
    expect(conferenceFormErrors({ cancellationFee: 'x', 'travelPolicy.budget': 'y', venue: 'z', title: 'w', unknown: 'kept' }, 'sv')).toEqual({
      cancellationFeeKr: 'Ange avgiften i kronor, t.ex. 400 eller 0 för ingen avgift.',
      budgetKr: 'Ange budgeten i kronor, t.ex. 20 000.',
      'venue.name': 'Skriv lokalens namn, högst 200 tecken.',
      title: 'Skriv konferensens titel, högst 200 tecken.',
      unknown: 'kept',
    });
  });
});
