import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { BUCKETS, MAX_BUCKETS, type Bucket } from '../domain/progress-range';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class ProgressQuery {
  @ApiPropertyOptional({
    format: 'date',
    example: '2025-01-01',
    description: 'First day included (UTC). Default: 30 days, 12 weeks or 12 months before `to`, by bucket.',
  })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'from must be a date written YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2025-03-31',
    description: 'Last day included (UTC). Default: today.',
  })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'to must be a date written YYYY-MM-DD' })
  to?: string;

  @ApiPropertyOptional({
    enum: BUCKETS,
    default: 'week',
    description: `Bucket size; weeks start on Monday. At most ${MAX_BUCKETS} buckets per request.`,
  })
  @IsOptional()
  @IsIn(BUCKETS)
  bucket?: Bucket;
}

export const REPORT_FORMATS = ['json', 'md', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export class ReportQuery {
  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format: ReportFormat = 'json';

  @ApiPropertyOptional({
    enum: ['ja', 'en'],
    description:
      'Language of headings, labels and next steps; default: that of your latest analysis, else ja.',
  })
  @IsOptional()
  @IsIn(['ja', 'en'])
  locale?: 'ja' | 'en';
}
