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

/** AWS JSON request shapes of the CloudTrail trail operations (PascalCase, as the model names them). */

export class TagAwsShape {
  @IsString() @MaxLength(1024) Key!: string;
  @IsOptional() @IsString() @MaxLength(1024) Value?: string;
}

class TrailSettingsAwsShape {
  @IsOptional() @IsString() @MaxLength(1024) S3KeyPrefix?: string;
  @IsOptional() @IsString() @MaxLength(1024) SnsTopicName?: string;
  @IsOptional() @IsBoolean() IncludeGlobalServiceEvents?: boolean;
  @IsOptional() @IsBoolean() IsMultiRegionTrail?: boolean;
  @IsOptional() @IsBoolean() EnableLogFileValidation?: boolean;
  @IsOptional() @IsString() @MaxLength(2048) CloudWatchLogsLogGroupArn?: string;
  @IsOptional() @IsString() @MaxLength(2048) CloudWatchLogsRoleArn?: string;
  @IsOptional() @IsString() @MaxLength(2048) KmsKeyId?: string;
  @IsOptional() @IsBoolean() IsOrganizationTrail?: boolean;
}

export class CreateTrailAwsRequest extends TrailSettingsAwsShape {
  @IsString() @MaxLength(1024) Name!: string;
  @IsString() @MaxLength(1024) S3BucketName!: string;
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @IsObject({ each: true })
  @Type(() => TagAwsShape)
  TagsList?: TagAwsShape[];
}

export class UpdateTrailAwsRequest extends TrailSettingsAwsShape {
  @IsString() @MaxLength(2048) Name!: string;
  @IsOptional() @IsString() @MaxLength(1024) S3BucketName?: string;
}

/** DeleteTrail, GetTrail, StartLogging, StopLogging, GetTrailStatus. */
export class TrailNameAwsRequest {
  @IsString() @MaxLength(2048) Name!: string;
}

export class DescribeTrailsAwsRequest {
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  @MaxLength(2048, { each: true })
  trailNameList?: string[];
  @IsOptional() @IsBoolean() includeShadowTrails?: boolean;
}

export class ListTrailsAwsRequest {
  @IsOptional() @IsString() @MaxLength(4096) NextToken?: string;
}

export class TagsAwsRequest {
  @IsString() @MaxLength(2048) ResourceId!: string;
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @IsObject({ each: true })
  @Type(() => TagAwsShape)
  TagsList!: TagAwsShape[];
}

/** RemoveTags: `TagsList` is required, as in the model (only the keys matter). */
export class RemoveTagsAwsRequest extends TagsAwsRequest {}

export class ListTagsAwsRequest {
  @IsArray()
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  @MaxLength(2048, { each: true })
  ResourceIdList!: string[];
  @IsOptional() @IsString() @MaxLength(4096) NextToken?: string;
}
