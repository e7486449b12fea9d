import { ValidationFailedError } from '../../../shared/domain-error';

export type Bucket = 'day' | 'week' | 'month';
export const BUCKETS: readonly Bucket[] = ['day', 'week', 'month'];
export const MAX_BUCKETS = 366;

export interface ProgressRange {
  /** First instant included (00:00 UTC of `from`). */
  from: Date;
  /** First instant excluded (00:00 UTC of the day after `to`). */
  until: Date;
  bucket: Bucket;
  buckets: number;
}

const DAY_MS = 86_400_000;

/** YYYY-MM-DD as a UTC midnight, or undefined if it is not a real calendar date. */
export function parseIsoDate(value: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return undefined;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value ? date : undefined;
}

function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/** Monday of the ISO week holding `date`. */
function weekStart(date: Date): Date {
  return new Date(date.getTime() - ((date.getUTCDay() + 6) % 7) * DAY_MS);
}

export function bucketCount(from: Date, to: Date, bucket: Bucket): number {
  if (bucket === 'day') return Math.round((to.getTime() - from.getTime()) / DAY_MS) + 1;
  if (bucket === 'week')
    return Math.round((weekStart(to).getTime() - weekStart(from).getTime()) / (7 * DAY_MS)) + 1;
  return (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + to.getUTCMonth() - from.getUTCMonth() + 1;
}

/** The default span: 30 days, 12 weeks or 12 months ending on `to`. */
function defaultFrom(to: Date, bucket: Bucket): Date {
  if (bucket === 'day') return new Date(to.getTime() - 29 * DAY_MS);
  if (bucket === 'week') return weekStart(new Date(to.getTime() - 11 * 7 * DAY_MS));
  return new Date(Date.UTC(to.getUTCFullYear(), to.getUTCMonth() - 11, 1));
}

/**
 * Checks a progress query and resolves its defaults (bucket week, to today, from a span before to).
 * `from` after `to`, or more than MAX_BUCKETS buckets, is a validation error naming the field.
 */
export function progressRange(
  query: { from?: string; to?: string; bucket?: Bucket },
  now: Date,
): ProgressRange {
  const bucket = query.bucket ?? 'week';
  const to = query.to !== undefined ? parseIsoDate(query.to) : startOfUtcDay(now);
  if (!to) throw invalid('to', 'to must be a date written YYYY-MM-DD');
  const from = query.from !== undefined ? parseIsoDate(query.from) : defaultFrom(to, bucket);
  if (!from) throw invalid('from', 'from must be a date written YYYY-MM-DD');
  if (from.getTime() > to.getTime()) throw invalid('from', 'from must not be after to');
  const buckets = bucketCount(from, to, bucket);
  if (buckets > MAX_BUCKETS) {
    throw invalid('to', `the range spans ${buckets} ${bucket} buckets; at most ${MAX_BUCKETS} are allowed`);
  }
  return { from, until: new Date(to.getTime() + DAY_MS), bucket, buckets };
}

function invalid(field: string, message: string): ValidationFailedError {
  return new ValidationFailedError('The progress range is not valid.', [{ field, messages: [message] }]);
}
