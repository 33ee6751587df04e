import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  type AdvancedEventSelector,
  type CreateTrailInput,
  type EventSelectorInput,
  type InsightSelectorInput,
  type Tag,
  type UpdateTrailInput,
} from '@app/trails';

/** REST request shapes of the trail routes (camelCase); the domain checks values and limits. */

export class TagRequest implements Tag {
  @ApiProperty() @IsString() @MaxLength(1024) key!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1024) value?: string;
}

class TrailSettingsRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1024) s3KeyPrefix?: string;
  @ApiPropertyOptional({ description: 'SNS topic name or ARN' })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  snsTopicName?: string;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() includeGlobalServiceEvents?: boolean;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() isMultiRegionTrail?: boolean;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() enableLogFileValidation?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2048) cloudWatchLogsLogGroupArn?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2048) cloudWatchLogsRoleArn?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2048) kmsKeyId?: string;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() isOrganizationTrail?: boolean;
}

export class CreateTrailRequest extends TrailSettingsRequest implements CreateTrailInput {
  @ApiProperty({ example: 'org-audit' }) @IsString() @MaxLength(1024) name!: string;
  @ApiProperty({ example: 'audit-logs' }) @IsString() @MaxLength(1024) s3BucketName!: string;
  @ApiPropertyOptional({ type: [TagRequest] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @IsObject({ each: true })
  @Type(() => TagRequest)
  tagsList?: TagRequest[];
}

export class UpdateTrailRequest extends TrailSettingsRequest implements Omit<UpdateTrailInput, 'name'> {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1024) s3BucketName?: string;
}

export class DescribeTrailsQuery {
  @ApiPropertyOptional({ description: 'Trail names or ARNs (repeat the parameter)', type: [String] })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? [value] : value))
  @IsArray()
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  name?: string[];

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  includeShadowTrails?: boolean;
}

export class NextTokenQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4096) nextToken?: string;
}

class DataResourceRequest {
  @ApiProperty({ example: 'AWS::S3::Object' }) @IsString() @MaxLength(1024) type!: string;
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  values!: string[];
}

class EventSelectorRequest implements EventSelectorInput {
  @ApiPropertyOptional({ enum: ['ReadOnly', 'WriteOnly', 'All'] })
  @IsOptional()
  @IsString()
  readWriteType?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() includeManagementEvents?: boolean;
  @ApiPropertyOptional({ type: [DataResourceRequest] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @IsObject({ each: true })
  @Type(() => DataResourceRequest)
  dataResources?: DataResourceRequest[];
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  excludeManagementEventSources?: string[];
}

/** An optional list of condition values (advanced field selector operators). */
const OptionalValues = (): PropertyDecorator => (target, key) => {
  for (const decorate of [
    ApiPropertyOptional({ type: [String] }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(1000),
    IsString({ each: true }),
  ]) {
    decorate(target, key);
  }
};

class AdvancedFieldSelectorRequest {
  @ApiProperty() @IsString() @MaxLength(4096) field!: string;
  @OptionalValues() equals?: string[];
  @OptionalValues() startsWith?: string[];
  @OptionalValues() endsWith?: string[];
  @OptionalValues() notEquals?: string[];
  @OptionalValues() notStartsWith?: string[];
  @OptionalValues() notEndsWith?: string[];
}

class AdvancedEventSelectorRequest implements AdvancedEventSelector {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4096) name?: string;
  @ApiProperty({ type: [AdvancedFieldSelectorRequest] })
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @IsObject({ each: true })
  @Type(() => AdvancedFieldSelectorRequest)
  fieldSelectors!: AdvancedFieldSelectorRequest[];
}

export class PutEventSelectorsRequest {
  @ApiPropertyOptional({ type: [EventSelectorRequest] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @IsObject({ each: true })
  @Type(() => EventSelectorRequest)
  eventSelectors?: EventSelectorRequest[];

  @ApiPropertyOptional({ type: [AdvancedEventSelectorRequest] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @IsObject({ each: true })
  @Type(() => AdvancedEventSelectorRequest)
  advancedEventSelectors?: AdvancedEventSelectorRequest[];
}

class InsightSelectorRequest implements InsightSelectorInput {
  @ApiProperty({ enum: ['ApiCallRateInsight', 'ApiErrorRateInsight'] }) @IsString() insightType!: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  eventCategories?: string[];
}

export class PutInsightSelectorsRequest {
  @ApiProperty({ type: [InsightSelectorRequest] })
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @IsObject({ each: true })
  @Type(() => InsightSelectorRequest)
  insightSelectors!: InsightSelectorRequest[];
}

export class TagsRequest {
  @ApiProperty({ type: [TagRequest] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @IsObject({ each: true })
  @Type(() => TagRequest)
  tagsList!: TagRequest[];
}

export class RemoveTagsQuery {
  @ApiProperty({ description: 'Tag keys to remove (repeat the parameter)', type: [String] })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? [value] : value))
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  key!: string[];
}
