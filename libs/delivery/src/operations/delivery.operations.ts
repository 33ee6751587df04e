import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { defineOperation, optionalText } from '@app/platform';
import { TRAIL_LOOKUP_ERRORS, TrailNameRequest, trailResource } from '@app/trails';
import { IsDate, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { GetCoverageUseCase } from '../use-cases/get-coverage.use-case';
import { GetTrailIntegrityUseCase } from '../use-cases/get-trail-integrity.use-case';
import { GetTrailStatusUseCase } from '../use-cases/get-trail-status.use-case';
import { ListTrailDeliveriesUseCase } from '../use-cases/list-trail-deliveries.use-case';

/** GetTrailStatus (cloudtrail.md §2.9): logging state and the latest deliveries (delivery.md §3). */
export const GetTrailStatus = defineOperation({
  service: 'cloudtrail',
  name: 'GetTrailStatus',
  readOnly: true,
  input: TrailNameRequest,
  resources: (input, scope) => [trailResource(scope, input.name)],
  useCase: GetTrailStatusUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  errors: TRAIL_LOOKUP_ERRORS,
});

export class ListTrailDeliveriesRequest {
  @ApiProperty({ description: 'Trail name or ARN' }) @IsString() @MaxLength(2048) name!: string;
  @ApiPropertyOptional({ example: '111122223333' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{12}$/)
  accountId?: string;
  @ApiPropertyOptional({ example: 'eu-west-1' }) @optionalText(64) region?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  maxResults?: number;
  @ApiPropertyOptional() @optionalText(4096) nextToken?: string;
}

/** Trailplane's own read: the log files a trail delivered (key, time, records, bytes). */
export const ListTrailDeliveries = defineOperation({
  service: 'cloudtrail',
  name: 'ListTrailDeliveries',
  readOnly: true,
  input: ListTrailDeliveriesRequest,
  resources: (input, scope) => [trailResource(scope, input.name)],
  useCase: ListTrailDeliveriesUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  eventResources: 'none',
  errors: [...TRAIL_LOOKUP_ERRORS, 'InvalidNextTokenException'],
});

export class GetTrailIntegrityRequest {
  @ApiProperty({ description: 'Trail name or ARN' }) @IsString() @MaxLength(2048) name!: string;
  @ApiPropertyOptional({
    example: '111122223333',
    description: 'Whose files (an organization trail holds each member’s)',
  })
  @IsOptional()
  @IsString()
  @Matches(/^\d{12}$/)
  accountId?: string;
  @ApiPropertyOptional({
    example: 'eu-west-1',
    description: 'Whose Region’s files; the trail’s home by default',
  })
  @optionalText(64)
  region?: string;
  @ApiProperty({ type: String, format: 'date-time' }) @IsDate() startTime!: Date;
  @ApiPropertyOptional({ type: String, format: 'date-time' }) @IsOptional() @IsDate() endTime?: Date;
}

/** Trailplane's own read: `validate-logs` run server-side over the trail's digests and log files. */
export const GetTrailIntegrity = defineOperation({
  service: 'cloudtrail',
  name: 'GetTrailIntegrity',
  readOnly: true,
  input: GetTrailIntegrityRequest,
  resources: (input, scope) => [trailResource(scope, input.name)],
  useCase: GetTrailIntegrityUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  eventResources: 'none',
  errors: [...TRAIL_LOOKUP_ERRORS, 'InvalidTimeRangeException'],
});

export class GetCoverageRequest {
  @ApiPropertyOptional({ example: 'ou-ab12-cdef3456', description: 'Only accounts under this root or OU' })
  @optionalText(128)
  organizationalUnitId?: string;
  @ApiPropertyOptional({ description: 'Only this trail (name or ARN)' }) @optionalText(2048) trail?: string;
}

/**
 * Trailplane's own read: the caller's accounts (its organization's, for a management account) ×
 * the Regions, each cell with the trails covering it and their logging and delivery state.
 */
export const GetCoverage = defineOperation({
  service: 'cloudtrail',
  name: 'GetCoverage',
  readOnly: true,
  input: GetCoverageRequest,
  useCase: GetCoverageUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  eventResources: 'none',
});
