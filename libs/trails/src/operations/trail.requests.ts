import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { listOf, optionalText, stringsOf } from '@app/platform';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { type CreateTrailInput, type Tag, type UpdateTrailInput } from '../domain/trail';

/*
 * The members of the trail operations, named as the CloudTrail model names them (camelCase). Both
 * transports map onto these; the domain rules check values (names, ARNs, destinations) with the
 * contract's own error codes, these check types and sizes.
 */

export class TagMember implements Tag {
  @ApiProperty() @IsString() @MaxLength(1024) key!: string;
  @ApiPropertyOptional() @optionalText(1024) value?: string;
}

class TrailSettingsMembers {
  @ApiPropertyOptional() @optionalText(1024) s3KeyPrefix?: string;
  @ApiPropertyOptional({ description: 'SNS topic name or ARN' }) @optionalText(1024) snsTopicName?: string;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() includeGlobalServiceEvents?: boolean;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() isMultiRegionTrail?: boolean;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() enableLogFileValidation?: boolean;
  @ApiPropertyOptional() @optionalText(2048) cloudWatchLogsLogGroupArn?: string;
  @ApiPropertyOptional() @optionalText(2048) cloudWatchLogsRoleArn?: string;
  @ApiPropertyOptional() @optionalText(2048) kmsKeyId?: string;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() isOrganizationTrail?: boolean;
}

export class CreateTrailRequest extends TrailSettingsMembers implements CreateTrailInput {
  @ApiProperty({ example: 'org-audit' }) @IsString() @MaxLength(1024) name!: string;
  @ApiProperty({ example: 'audit-logs' }) @IsString() @MaxLength(1024) s3BucketName!: string;
  @ApiPropertyOptional({ type: [TagMember] })
  @IsOptional()
  @listOf(() => TagMember, 200)
  tagsList?: TagMember[];
  @ApiPropertyOptional({
    default: false,
    description:
      "Trailplane's REST API only (as the AWS console offers): create `s3BucketName` in the caller's " +
      "account with the bucket policy the console writes, which lets CloudTrail write this trail's logs",
  })
  @IsOptional()
  @IsBoolean()
  createBucket?: boolean;
}

export class UpdateTrailRequest extends TrailSettingsMembers implements UpdateTrailInput {
  @ApiProperty({ description: 'Trail name or ARN' }) @IsString() @MaxLength(2048) name!: string;
  @ApiPropertyOptional() @optionalText(1024) s3BucketName?: string;
}

/** DeleteTrail, GetTrail, StartLogging, StopLogging, GetTrailStatus, GetTrailPropagation. */
export class TrailNameRequest {
  @ApiProperty({ description: 'Trail name or ARN' }) @IsString() @MaxLength(2048) name!: string;
}

export class DescribeTrailsRequest {
  @ApiPropertyOptional({ type: [String], description: 'Trail names or ARNs' })
  @IsOptional()
  @stringsOf(1000, 2048)
  trailNameList?: string[];
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() includeShadowTrails?: boolean;
}

export class ListTrailsRequest {
  @ApiPropertyOptional() @optionalText(4096) nextToken?: string;
}

/** AddTags and RemoveTags: `tagsList` is required, as in the model (RemoveTags reads only the keys). */
export class TagsRequest {
  @ApiProperty({ description: 'Trail ARN' }) @IsString() @MaxLength(2048) resourceId!: string;
  @ApiProperty({ type: [TagMember] }) @listOf(() => TagMember, 200) tagsList!: TagMember[];
}

export class ListTagsRequest {
  @ApiProperty({ type: [String], description: 'Trail ARNs' })
  @stringsOf(1000, 2048)
  resourceIdList!: string[];
  @ApiPropertyOptional() @optionalText(4096) nextToken?: string;
}
