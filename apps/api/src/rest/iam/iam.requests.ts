import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';

/*
 * REST shapes of the IAM operations (camelCase). Types are checked here; names, paths, sizes and
 * documents are IAM's rules, checked by the use cases (ValidationError, MalformedPolicyDocument).
 */

/** A policy document: JSON text as IAM takes it, or the JSON itself (stored as its text). */
function PolicyDocumentMember(description: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ description, oneOf: [{ type: 'string' }, { type: 'object' }] }),
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'object' && value !== null ? JSON.stringify(value) : value,
    ),
    IsString(),
    MaxLength(131_072),
  );
}

export class IamTagRequest {
  @ApiProperty() @IsString() @MaxLength(1024) key!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1024) value?: string;
}

function TagsMember(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: [IamTagRequest] }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(200),
    ValidateNested({ each: true }),
    IsObject({ each: true }),
    Type(() => IamTagRequest),
  );
}

export class CreateUserRequest {
  @ApiProperty({ example: 'alice' }) @IsString() @MaxLength(1024) userName!: string;
  @ApiPropertyOptional({ example: '/' }) @IsOptional() @IsString() @MaxLength(1024) path?: string;
  @TagsMember() tags?: IamTagRequest[];
}

export class CreateRoleRequest {
  @ApiProperty({ example: 'Auditor' }) @IsString() @MaxLength(1024) roleName!: string;
  @PolicyDocumentMember('The trust policy: who may assume the role') assumeRolePolicyDocument!: string;
  @ApiPropertyOptional({ example: '/' }) @IsOptional() @IsString() @MaxLength(1024) path?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4096) description?: string;
  @ApiPropertyOptional({ minimum: 3600, maximum: 43200, default: 3600 })
  @IsOptional()
  @IsInt()
  maxSessionDuration?: number;
  @TagsMember() tags?: IamTagRequest[];
}

export class CreatePolicyRequest {
  @ApiProperty({ example: 'TrailReaders' }) @IsString() @MaxLength(1024) policyName!: string;
  @PolicyDocumentMember('The identity policy document') policyDocument!: string;
  @ApiPropertyOptional({ example: '/' }) @IsOptional() @IsString() @MaxLength(1024) path?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4096) description?: string;
}

export class CreatePolicyVersionRequest {
  @PolicyDocumentMember('The identity policy document') policyDocument!: string;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() setAsDefault?: boolean;
}

export class SetDefaultPolicyVersionRequest {
  @ApiProperty({ example: 'v2' }) @IsString() @MaxLength(128) versionId!: string;
}

export class AttachPolicyRequest {
  @ApiProperty({ example: 'arn:aws:iam::aws:policy/ReadOnlyAccess' })
  @IsString()
  @MaxLength(2048)
  policyArn!: string;
}

export class DetachPolicyQuery {
  @ApiProperty({ example: 'arn:aws:iam::aws:policy/ReadOnlyAccess' })
  @IsString()
  @MaxLength(2048)
  policyArn!: string;
}

export class PutInlinePolicyRequest {
  @PolicyDocumentMember('The inline policy document') policyDocument!: string;
}

/** `?pathPrefix=/&marker=…&maxItems=1..1000` of the IAM listings. */
export class IamListQuery {
  @ApiPropertyOptional({ example: '/' }) @IsOptional() @IsString() @MaxLength(512) pathPrefix?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100_000) marker?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  maxItems?: number;
}

export class ListPoliciesQuery extends IamListQuery {
  @ApiPropertyOptional({ enum: ['All', 'AWS', 'Local'], default: 'All' })
  @IsOptional()
  @IsIn(['All', 'AWS', 'Local'])
  scope?: string;
  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  onlyAttached?: boolean;
}

export class SimulatePrincipalPolicyRequest {
  @ApiProperty({ example: 'arn:aws:iam::111122223333:user/alice' })
  @IsString()
  @MaxLength(2048)
  policySourceArn!: string;
  @ApiProperty({ example: ['cloudtrail:GetTrail'] })
  @IsArray()
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  @MaxLength(256, { each: true })
  actionNames!: string[];
  @ApiPropertyOptional({ example: ['*'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  @MaxLength(2048, { each: true })
  resourceArns?: string[];
  @ApiPropertyOptional({
    description: 'Condition keys and their values (a string or a list)',
    example: { 'aws:RequestedRegion': 'eu-west-1' },
  })
  @IsOptional()
  @IsObject()
  contextEntries?: Record<string, string | string[]>;
}
