import fc from 'fast-check';
import {
  formatClock,
  formatDateTime,
  formatLongDate,
  fromStockholmLocal,
  parseConferenceTime,
  stockholmDateInput,
  stockholmDateTimeInput,
  stockholmOffsetMinutes,
  stockholmTimeInput,
  toStockholmIso,
} from './time';

const utc = (iso: string) => new Date(iso);

// 2026: summer time starts Sunday 29 March at 02:00 (01:00 UTC), ends Sunday 25 October at 03:00 (01:00 UTC).
describe('Stockholm time across the daylight-saving changes', () => {
  it('shows winter and summer instants with their offsets', () => {
    expect(toStockholmIso(utc('2026-01-15T08:00:00Z'))).toBe('2026-01-15T09:00:00+01:00');
    expect(toStockholmIso(utc('2026-07-15T07:00:00Z'))).toBe('2026-07-15T09:00:00+02:00');
    expect(stockholmOffsetMinutes(utc('2026-01-15T08:00:00Z'))).toBe(60);
    expect(stockholmOffsetMinutes(utc('2026-07-15T07:00:00Z'))).toBe(120);
  });

  it('changes to summer time on the last Sunday of March at 02:00', () => {
    expect(toStockholmIso(utc('2026-03-29T00:59:59Z'))).toBe('2026-03-29T01:59:59+01:00');
    expect(toStockholmIso(utc('2026-03-29T01:00:00Z'))).toBe('2026-03-29T03:00:00+02:00');
    expect(stockholmOffsetMinutes(utc('2026-03-29T00:59:59Z'))).toBe(60);
    expect(stockholmOffsetMinutes(utc('2026-03-29T01:00:00Z'))).toBe(120);
  });

  it('reads 02:30 on the March night, which the clocks skip, as 03:30 summer time', () => {
    expect(fromStockholmLocal(2026, 3, 29, 2, 30)).toEqual(utc('2026-03-29T01:30:00Z'));
    expect(toStockholmIso(fromStockholmLocal(2026, 3, 29, 2, 30))).toBe('2026-03-29T03:30:00+02:00');
    expect(parseConferenceTime('2026-03-29T02:30')).toEqual(utc('2026-03-29T01:30:00Z'));
    // Around the gap, wall-clock times are what they say.
    expect(fromStockholmLocal(2026, 3, 29, 1, 59)).toEqual(utc('2026-03-29T00:59:00Z'));
    expect(fromStockholmLocal(2026, 3, 29, 3, 0)).toEqual(utc('2026-03-29T01:00:00Z'));
  });

  it('changes back on the last Sunday of October at 03:00, so 02:00–03:00 happens twice', () => {
    expect(toStockholmIso(utc('2026-10-25T00:30:00Z'))).toBe('2026-10-25T02:30:00+02:00');
    expect(toStockholmIso(utc('2026-10-25T01:30:00Z'))).toBe('2026-10-25T02:30:00+01:00');
    expect(stockholmTimeInput(utc('2026-10-25T00:30:00Z'))).toBe('02:30');
    expect(stockholmTimeInput(utc('2026-10-25T01:30:00Z'))).toBe('02:30');
  });

  it('reads the ambiguous 02:30 of the October night as the second pass (winter time); an offset picks either', () => {
    expect(fromStockholmLocal(2026, 10, 25, 2, 30)).toEqual(utc('2026-10-25T01:30:00Z'));
    expect(parseConferenceTime('2026-10-25T02:30')).toEqual(utc('2026-10-25T01:30:00Z'));
    expect(parseConferenceTime('2026-10-25T02:30:00+02:00')).toEqual(utc('2026-10-25T00:30:00Z'));
    expect(parseConferenceTime('2026-10-25T02:30:00+01:00')).toEqual(utc('2026-10-25T01:30:00Z'));
  });

  it('gives a date-only deadline on a change day its whole day, 23 or 25 hours long', () => {
    const march = parseConferenceTime('2026-03-29', 'endOfDay')!.getTime() - parseConferenceTime('2026-03-29', 'startOfDay')!.getTime();
    const october = parseConferenceTime('2026-10-25', 'endOfDay')!.getTime() - parseConferenceTime('2026-10-25', 'startOfDay')!.getTime();
    expect(march + 1).toBe(23 * 3600_000);
    expect(october + 1).toBe(25 * 3600_000);
    expect(toStockholmIso(parseConferenceTime('2026-10-25', 'endOfDay')!)).toBe('2026-10-25T23:59:59+01:00');
  });

  it('does not depend on the server’s own time zone', () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'America/New_York';
      expect(toStockholmIso(utc('2026-03-29T01:30:00Z'))).toBe('2026-03-29T03:30:00+02:00');
      expect(fromStockholmLocal(2026, 10, 25, 2, 30)).toEqual(utc('2026-10-25T01:30:00Z'));
      expect(stockholmDateInput(utc('2026-10-24T22:30:00Z'))).toBe('2026-10-25');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('parseConferenceTime', () => {
  it('reads ISO 8601 with an offset, a Stockholm wall-clock time and a bare date', () => {
    expect(parseConferenceTime('2026-10-06T09:00:00+02:00')).toEqual(utc('2026-10-06T07:00:00Z'));
    expect(parseConferenceTime('2026-10-06T09:00:00+0200')).toEqual(utc('2026-10-06T07:00:00Z'));
    expect(parseConferenceTime('2026-10-06T07:00:00Z')).toEqual(utc('2026-10-06T07:00:00Z'));
    expect(parseConferenceTime(' 2026-10-06 09:00 ')).toEqual(utc('2026-10-06T07:00:00Z'));
    expect(parseConferenceTime('2026-12-06T09:00')).toEqual(utc('2026-12-06T08:00:00Z'));
    expect(parseConferenceTime('2026-11-17')).toEqual(utc('2026-11-16T23:00:00Z'));
    expect(parseConferenceTime('2026-11-17', 'endOfDay')).toEqual(utc('2026-11-17T22:59:59.999Z'));
  });

  it('refuses what is not a time, and days a month lacks', () => {
    for (const text of ['', 'soon', '2026-02-30', '2026-02-30T09:00', '2026-02-30T09:00:00+01:00', '2026-13-01', '2026-10-06T25:00', '2026-10-06T09:60', '06/10/2026'])
      expect(parseConferenceTime(text)).toBeNull();
    expect(parseConferenceTime('2028-02-29')).not.toBeNull();
  });

  it('reads back every instant it writes, to the second', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }), (date) => {
        const second = new Date(Math.floor(date.getTime() / 1000) * 1000);
        expect(parseConferenceTime(toStockholmIso(second))).toEqual(second);
      }),
    );
  });

  it('reads back the wall-clock form of forms, except in the hour October repeats', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2060-01-01T00:00:00Z'), noInvalidDate: true }), (date) => {
        const minute = new Date(Math.floor(date.getTime() / 60_000) * 60_000);
        const back = parseConferenceTime(stockholmDateTimeInput(minute))!;
        const repeated = stockholmOffsetMinutes(minute) === 120 && stockholmOffsetMinutes(new Date(minute.getTime() + 3600_000)) === 60;
        if (repeated) expect(back.getTime() - minute.getTime()).toBe(3600_000);
        else expect(back).toEqual(minute);
        expect(formatClock(back)).toBe(stockholmTimeInput(minute));
      }),
    );
  });
});

// The formatters are built once and kept (see time.ts): what they write must not depend on that.
describe('kept date formatters', () => {
  const anyInstant = fc.date({ min: new Date('1980-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true });
  const anyLanguage = fc.constantFrom('sv' as const, 'en' as const);

  it('formatClock writes what stockholmTimeInput writes, midnight and the change nights included', () => {
    for (const iso of ['2026-01-14T23:00:00Z', '2026-03-29T00:59:00Z', '2026-03-29T01:00:00Z', '2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z', '2026-07-01T21:59:00Z'])
      expect(formatClock(utc(iso))).toBe(stockholmTimeInput(utc(iso)));
    fc.assert(fc.property(anyInstant, (date) => expect(formatClock(date)).toBe(stockholmTimeInput(date))));
  });

  it('long dates and deadlines read as a formatter built afresh writes them, in either language, in any order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(anyInstant, anyLanguage), { minLength: 1, maxLength: 5 }), (calls) => {
        for (const [date, lang] of calls) {
          const locale = lang === 'sv' ? 'sv-SE' : 'en-GB';
          const fresh = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Stockholm', ...options }).format(date);
          expect(formatLongDate(date, lang)).toBe(fresh({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }));
          const day = fresh({ day: 'numeric', month: 'long', year: 'numeric' });
          expect(formatDateTime(date, lang)).toBe(lang === 'sv' ? `${day} kl. ${stockholmTimeInput(date)}` : `${day}, ${stockholmTimeInput(date)}`);
        }
      }),
    );
    expect(formatLongDate(utc('2026-10-06T07:00:00Z'), 'sv')).toBe('tisdag 6 oktober 2026');
    expect(formatLongDate(utc('2026-10-06T07:00:00Z'), 'en')).toBe('Tuesday, 6 October 2026');
  });
});
