import { ValidationFailedError } from '../../../shared/domain-error';
import { bucketCount, parseIsoDate, progressRange } from './progress-range';

const d = (s: string) => parseIsoDate(s)!;
const now = new Date('2025-03-12T15:30:00Z'); // a Wednesday

function problem(query: Parameters<typeof progressRange>[0]): { field: string; messages: string[] } {
  try {
    progressRange(query, now);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationFailedError);
    return (e as ValidationFailedError).details![0];
  }
  throw new Error('expected a validation error');
}

describe('progressRange', () => {
  it('reads inclusive dates as UTC days', () => {
    const r = progressRange({ from: '2025-01-01', to: '2025-01-31', bucket: 'day' }, now);
    expect(r.from.toISOString()).toBe('2025-01-01T00:00:00.000Z');
    expect(r.until.toISOString()).toBe('2025-02-01T00:00:00.000Z');
    expect(r.buckets).toBe(31);
  });

  it('defaults to weekly buckets over twelve weeks ending today', () => {
    const r = progressRange({}, now);
    expect(r.bucket).toBe('week');
    expect(r.until.toISOString()).toBe('2025-03-13T00:00:00.000Z');
    expect(r.buckets).toBe(12);
    expect(r.from.getUTCDay()).toBe(1);
    expect(progressRange({ bucket: 'day' }, now).buckets).toBe(30);
    expect(progressRange({ bucket: 'month' }, now)).toMatchObject({ buckets: 12, from: d('2024-04-01') });
  });

  it('counts buckets by calendar: weeks from Monday, months by month', () => {
    expect(bucketCount(d('2025-03-09'), d('2025-03-10'), 'week')).toBe(2); // Sunday, then Monday
    expect(bucketCount(d('2025-03-10'), d('2025-03-16'), 'week')).toBe(1);
    expect(bucketCount(d('2024-12-31'), d('2025-01-01'), 'month')).toBe(2);
    expect(bucketCount(d('2024-02-28'), d('2024-03-01'), 'day')).toBe(3);
  });

  it('refuses impossible dates, reversed ranges and too many buckets, naming the field', () => {
    expect(problem({ from: '2025-02-30' }).field).toBe('from');
    expect(problem({ to: '2025-13-01' }).field).toBe('to');
    expect(problem({ from: '2025-03-02', to: '2025-03-01' })).toEqual({
      field: 'from',
      messages: ['from must not be after to'],
    });
    expect(problem({ from: '2020-01-01', to: '2025-01-01', bucket: 'day' }).messages[0]).toMatch(
      /at most 366/,
    );
    expect(progressRange({ from: '2020-01-01', to: '2025-01-01', bucket: 'month' }, now).buckets).toBe(61);
  });
});
