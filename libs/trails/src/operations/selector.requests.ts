import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { listOf, members, optionalText, stringsOf } from '@app/platform';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  type AdvancedEventSelector,
  type AdvancedFieldSelector,
  type DataResource,
  type EventSelectorInput,
  type InsightSelectorInput,
} from '../domain/trail';

/* The selector operations' members (CloudTrail model names, camelCase); the domain checks values and limits. */

class DataResourceMember implements DataResource {
  @ApiProperty({ example: 'AWS::S3::Object' }) @IsString() @MaxLength(1024) type!: string;
  @ApiProperty({ type: [String] }) @stringsOf(1000, 4096) values!: string[];
}

class EventSelectorMember implements EventSelectorInput {
  @ApiPropertyOptional({ enum: ['ReadOnly', 'WriteOnly', 'All'] }) @optionalText(64) readWriteType?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() includeManagementEvents?: boolean;
  @ApiPropertyOptional({ type: [DataResourceMember] })
  @IsOptional()
  @listOf(() => DataResourceMember, 1000)
  dataResources?: DataResourceMember[];
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @stringsOf(100, 1024)
  excludeManagementEventSources?: string[];
}

/** An optional list of condition values (advanced field selector operators). */
const conditionValues = (): PropertyDecorator =>
  members(ApiPropertyOptional({ type: [String] }), IsOptional(), stringsOf(1000, 4096));

class AdvancedFieldSelectorMember implements AdvancedFieldSelector {
  @ApiProperty() @IsString() @MaxLength(4096) field!: string;
  @conditionValues() equals?: string[];
  @conditionValues() startsWith?: string[];
  @conditionValues() endsWith?: string[];
  @conditionValues() notEquals?: string[];
  @conditionValues() notStartsWith?: string[];
  @conditionValues() notEndsWith?: string[];
}

class AdvancedEventSelectorMember implements AdvancedEventSelector {
  @ApiPropertyOptional() @optionalText(4096) name?: string;
  @ApiProperty({ type: [AdvancedFieldSelectorMember] })
  @listOf(() => AdvancedFieldSelectorMember, 1000)
  fieldSelectors!: AdvancedFieldSelectorMember[];
}

export class PutEventSelectorsRequest {
  @ApiProperty({ description: 'Trail name or ARN' }) @IsString() @MaxLength(2048) trailName!: string;
  @ApiPropertyOptional({ type: [EventSelectorMember] })
  @IsOptional()
  @listOf(() => EventSelectorMember, 100)
  eventSelectors?: EventSelectorMember[];
  @ApiPropertyOptional({ type: [AdvancedEventSelectorMember] })
  @IsOptional()
  @listOf(() => AdvancedEventSelectorMember, 100)
  advancedEventSelectors?: AdvancedEventSelectorMember[];
}

/** GetEventSelectors, GetInsightSelectors. */
export class TrailSelectorsRequest {
  @ApiProperty({ description: 'Trail name or ARN' }) @IsString() @MaxLength(2048) trailName!: string;
}

class InsightSelectorMember implements InsightSelectorInput {
  @ApiPropertyOptional({ enum: ['ApiCallRateInsight', 'ApiErrorRateInsight'] })
  @optionalText(64)
  insightType!: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @stringsOf(10, 64) eventCategories?: string[];
}

export class PutInsightSelectorsRequest {
  @ApiProperty({ description: 'Trail name or ARN' }) @IsString() @MaxLength(2048) trailName!: string;
  @ApiProperty({ type: [InsightSelectorMember] })
  @listOf(() => InsightSelectorMember, 10)
  insightSelectors!: InsightSelectorMember[];
}
