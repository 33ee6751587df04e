import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { defineOperation, listOf, optionalText } from '@app/platform';
import { IsDate, IsInt, IsOptional, IsString, MaxLength } from 'class-validator';
import { type LookupEventsInput, MAX_LOOKUP_VALUE_LENGTH } from '../domain/lookup-query';
import { LookupEventsUseCase } from '../use-cases/lookup-events.use-case';

/* LookupEvents' members (CloudTrail model names, camelCase); the domain checks keys, ranges and limits. */

class LookupAttributeMember {
  @ApiProperty({ example: 'EventName' }) @IsString() @MaxLength(64) attributeKey!: string;
  @ApiProperty({ example: 'CreateTrail' })
  @IsString()
  @MaxLength(MAX_LOOKUP_VALUE_LENGTH)
  attributeValue!: string;
}

export class LookupEventsRequest implements LookupEventsInput {
  @ApiPropertyOptional({ type: [LookupAttributeMember] })
  @IsOptional()
  @listOf(() => LookupAttributeMember, 50)
  lookupAttributes?: LookupAttributeMember[];
  @ApiPropertyOptional({ type: String, format: 'date-time' }) @IsOptional() @IsDate() startTime?: Date;
  @ApiPropertyOptional({ type: String, format: 'date-time' }) @IsOptional() @IsDate() endTime?: Date;
  @ApiPropertyOptional({ enum: ['insight'] }) @optionalText(64) eventCategory?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 50 }) @IsOptional() @IsInt() maxResults?: number;
  @ApiPropertyOptional() @optionalText(8192) nextToken?: string;
}

/** LookupEvents (cloudtrail.md §2.15): the caller's management events in the called Region. */
export const LookupEvents = defineOperation({
  service: 'cloudtrail',
  name: 'LookupEvents',
  readOnly: true,
  input: LookupEventsRequest,
  useCase: LookupEventsUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  eventResources: 'none',
  errors: [
    'InvalidLookupAttributesException',
    'InvalidEventCategoryException',
    'InvalidMaxResultsException',
    'InvalidTimeRangeException',
    'InvalidNextTokenException',
  ],
});
