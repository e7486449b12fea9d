import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ErrorDetail } from '../../shared';
import type { ErrorBody } from './error-body';

export class ErrorDetailDto implements ErrorDetail {
  @ApiProperty({ example: 'content' }) field!: string;
  @ApiProperty({ type: [String], example: ['content must be 1 to 4000 characters after trimming'] })
  messages!: string[];
}

/** The one error body of the API, for the OpenAPI document (the filter builds it from `ErrorBody`). */
export class ErrorBodyDto implements ErrorBody {
  @ApiProperty({ type: 'integer', example: 400 }) statusCode!: number;
  @ApiProperty({
    example: 'VALIDATION_FAILED',
    description:
      'Machine-readable: the generic code of the status, or the more specific one the route names.',
  })
  code!: string;
  @ApiProperty({ example: 'The request is not valid.' }) message!: string;
  @ApiPropertyOptional({ type: [ErrorDetailDto], description: 'Per field, for validation failures.' })
  details?: ErrorDetailDto[];
  @ApiProperty({ description: 'The X-Request-Id of the request.' }) requestId!: string;
}
