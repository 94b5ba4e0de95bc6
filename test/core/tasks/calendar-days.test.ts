import { addDays, daysBetween, warsawDay, weekOf, weekdayOf } from '../../../src/core/tasks/calendar-days';

describe('calendar days in Europe/Warsaw', () => {
  it('takes the Warsaw day of an instant, past midnight there while UTC is still on the day before', () => {
    expect(warsawDay(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(warsawDay(new Date('2026-12-31T22:59:00Z'))).toBe('2026-12-31');
    // Summer time: UTC+2.
    expect(warsawDay(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01');
    expect(warsawDay(new Date('2026-06-30T21:59:00Z'))).toBe('2026-06-30');
  });

  it('adds days across month, year and leap-day ends and daylight-saving changes', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(daysBetween('2027-01-01', '2026-12-31')).toBe(-1);
  });

  it('makes a week Monday to Sunday, also when it spans a year end', () => {
    expect(weekdayOf('2026-12-07')).toBe(0);
    expect(weekdayOf('2026-12-06')).toBe(6);
    expect(weekOf('2026-12-31')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
    expect(weekOf('2026-12-28')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
    expect(weekOf('2027-01-03')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
    expect(weekOf('2026-03-01')).toEqual({ from: '2026-02-23', to: '2026-03-01' });
  });
});
