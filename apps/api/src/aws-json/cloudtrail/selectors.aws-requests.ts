import { Type } from 'class-transformer';
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

/** AWS JSON request shapes of the selector operations; the domain checks values and limits. */

class DataResourceAwsShape {
  @IsString() @MaxLength(1024) Type!: string;
  @IsArray() @ArrayMaxSize(1000) @IsString({ each: true }) @MaxLength(4096, { each: true }) Values!: string[];
}

class EventSelectorAwsShape {
  @IsOptional() @IsString() @MaxLength(64) ReadWriteType?: string;
  @IsOptional() @IsBoolean() IncludeManagementEvents?: boolean;
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @IsObject({ each: true })
  @Type(() => DataResourceAwsShape)
  DataResources?: DataResourceAwsShape[];
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(1024, { each: true })
  ExcludeManagementEventSources?: string[];
}

/** An optional list of condition values (advanced field selector operators). */
const OptionalValues = (): PropertyDecorator => (target, key) => {
  for (const decorate of [
    IsOptional(),
    IsArray(),
    ArrayMaxSize(1000),
    IsString({ each: true }),
    MaxLength(4096, { each: true }),
  ]) {
    decorate(target, key);
  }
};

class AdvancedFieldSelectorAwsShape {
  @IsString() @MaxLength(4096) Field!: string;
  @OptionalValues() Equals?: string[];
  @OptionalValues() StartsWith?: string[];
  @OptionalValues() EndsWith?: string[];
  @OptionalValues() NotEquals?: string[];
  @OptionalValues() NotStartsWith?: string[];
  @OptionalValues() NotEndsWith?: string[];
}

class AdvancedEventSelectorAwsShape {
  @IsOptional() @IsString() @MaxLength(4096) Name?: string;
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @IsObject({ each: true })
  @Type(() => AdvancedFieldSelectorAwsShape)
  FieldSelectors!: AdvancedFieldSelectorAwsShape[];
}

export class PutEventSelectorsAwsRequest {
  @IsString() @MaxLength(2048) TrailName!: string;
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @IsObject({ each: true })
  @Type(() => EventSelectorAwsShape)
  EventSelectors?: EventSelectorAwsShape[];
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @IsObject({ each: true })
  @Type(() => AdvancedEventSelectorAwsShape)
  AdvancedEventSelectors?: AdvancedEventSelectorAwsShape[];
}

export class TrailNameSelectorAwsRequest {
  @IsString() @MaxLength(2048) TrailName!: string;
}

class InsightSelectorAwsShape {
  @IsOptional() @IsString() @MaxLength(64) InsightType?: string;
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  EventCategories?: string[];
}

export class PutInsightSelectorsAwsRequest {
  @IsString() @MaxLength(2048) TrailName!: string;
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @IsObject({ each: true })
  @Type(() => InsightSelectorAwsShape)
  InsightSelectors!: InsightSelectorAwsShape[];
}
