import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { listOf, optionalText, stringsOf } from '@app/platform';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmpty, IsIn, IsInt, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';

/*
 * The IAM operations' members (IAM model names, camelCase). Types are checked here; names, paths,
 * sizes and documents are IAM's rules, checked by the use cases (ValidationError, MalformedPolicyDocument).
 */

/** A policy document: JSON text as IAM takes it, or over REST the JSON itself (stored as its text). */
function policyDocument(description: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ description, oneOf: [{ type: 'string' }, { type: 'object' }] }),
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'object' && value !== null ? JSON.stringify(value) : value,
    ),
    IsString(),
    MaxLength(131_072),
  );
}

export class IamTagMember {
  @ApiProperty() @IsString() @MaxLength(1024) key!: string;
  @ApiPropertyOptional() @optionalText(1024) value?: string;
}

const tags = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ type: [IamTagMember] }),
    IsOptional(),
    listOf(() => IamTagMember, 200),
  );

const name = (example: string): PropertyDecorator =>
  applyDecorators(ApiProperty({ example }), IsString(), MaxLength(1024));

export class UserNameRequest {
  @name('alice') userName!: string;
}

export class CreateUserRequest extends UserNameRequest {
  @ApiPropertyOptional({ example: '/' }) @optionalText(1024) path?: string;
  @tags() tags?: IamTagMember[];
}

export class AccessKeyRequest extends UserNameRequest {
  @name('AKIAIOSFODNN7EXAMPLE') accessKeyId!: string;
}

export class RoleNameRequest {
  @name('Auditor') roleName!: string;
}

export class CreateRoleRequest extends RoleNameRequest {
  @policyDocument('The trust policy: who may assume the role') assumeRolePolicyDocument!: string;
  @ApiPropertyOptional({ example: '/' }) @optionalText(1024) path?: string;
  @ApiPropertyOptional() @optionalText(4096) description?: string;
  @ApiPropertyOptional({ minimum: 3600, maximum: 43200, default: 3600 })
  @IsOptional()
  @IsInt()
  maxSessionDuration?: number;
  @tags() tags?: IamTagMember[];
}

/** `pathPrefix`, `marker` and `maxItems` of the IAM listings. */
export class IamListRequest {
  @ApiPropertyOptional({ example: '/' }) @optionalText(512) pathPrefix?: string;
  @ApiPropertyOptional() @optionalText(100_000) marker?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 100 }) @IsOptional() @IsInt() maxItems?: number;
}

export class ListManagedPoliciesRequest extends IamListRequest {
  @ApiPropertyOptional({ enum: ['All', 'AWS', 'Local'], default: 'All' })
  @IsOptional()
  @IsIn(['All', 'AWS', 'Local'])
  scope?: string;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() onlyAttached?: boolean;
}

export class PolicyArnRequest {
  @ApiProperty({ example: 'arn:aws:iam::aws:policy/ReadOnlyAccess' })
  @IsString()
  @MaxLength(2048)
  policyArn!: string;
}

export class CreateManagedPolicyRequest {
  @name('TrailReaders') policyName!: string;
  @policyDocument('The identity policy document') policyDocument!: string;
  @ApiPropertyOptional({ example: '/' }) @optionalText(1024) path?: string;
  @ApiPropertyOptional() @optionalText(4096) description?: string;
}

export class CreatePolicyVersionRequest extends PolicyArnRequest {
  @policyDocument('The identity policy document') policyDocument!: string;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() setAsDefault?: boolean;
}

export class PolicyVersionRequest extends PolicyArnRequest {
  @ApiProperty({ example: 'v2' }) @IsString() @MaxLength(128) versionId!: string;
}

export class UserPolicyArnRequest extends UserNameRequest {
  @ApiProperty({ example: 'arn:aws:iam::aws:policy/ReadOnlyAccess' })
  @IsString()
  @MaxLength(2048)
  policyArn!: string;
}

export class RolePolicyArnRequest extends RoleNameRequest {
  @ApiProperty({ example: 'arn:aws:iam::aws:policy/ReadOnlyAccess' })
  @IsString()
  @MaxLength(2048)
  policyArn!: string;
}

export class UserPolicyNameRequest extends UserNameRequest {
  @name('Inline') policyName!: string;
}

export class RolePolicyNameRequest extends RoleNameRequest {
  @name('Inline') policyName!: string;
}

export class PutUserPolicyRequest extends UserPolicyNameRequest {
  @policyDocument('The inline policy document') policyDocument!: string;
}

export class PutRolePolicyRequest extends RolePolicyNameRequest {
  @policyDocument('The inline policy document') policyDocument!: string;
}

export class SimulatePrincipalPolicyRequest {
  @ApiProperty({ example: 'arn:aws:iam::111122223333:user/alice' })
  @IsString()
  @MaxLength(2048)
  policySourceArn!: string;
  @ApiProperty({ example: ['cloudtrail:GetTrail'] }) @stringsOf(1000, 256) actionNames!: string[];
  @ApiPropertyOptional({ example: ['*'] }) @IsOptional() @stringsOf(1000, 2048) resourceArns?: string[];
  @ApiPropertyOptional({
    description: 'Condition keys and their values (a string or a list)',
    example: { 'aws:RequestedRegion': 'eu-west-1' },
  })
  @IsOptional()
  @IsObject()
  contextEntries?: Record<string, string | string[]>;
}

/** An iam.md §8 case: the request and the policies that decide it. */
export class SimulateCustomPolicyRequest {
  @ApiProperty({ description: '{ principal, action, resource, context }' }) @IsObject() request!: object;
  @ApiProperty({ description: '{ identity, scpPath, resource }' }) @IsObject() policies!: object;
}

const UNSUPPORTED = { message: '$property is not supported by Trailplane STS' };

export class AssumeRoleRequest {
  @ApiProperty({ example: 'arn:aws:iam::111122223333:role/OrganizationAccountAccessRole' })
  @IsString()
  @MaxLength(2048)
  roleArn!: string;
  @ApiProperty({ example: 'audit-session' }) @IsString() @MaxLength(1024) roleSessionName!: string;
  @ApiPropertyOptional({ minimum: 900, maximum: 43200, default: 3600 })
  @IsOptional()
  @IsInt()
  durationSeconds?: number;
  @ApiPropertyOptional() @optionalText(1224) externalId?: string;
  // Session policies, session tags and MFA would change what the session may do: refused, never ignored.
  @IsEmpty(UNSUPPORTED) policy?: unknown;
  @IsEmpty(UNSUPPORTED) policyArns?: unknown;
  @IsEmpty(UNSUPPORTED) tags?: unknown;
  @IsEmpty(UNSUPPORTED) transitiveTagKeys?: unknown;
  @IsEmpty(UNSUPPORTED) serialNumber?: unknown;
  @IsEmpty(UNSUPPORTED) tokenCode?: unknown;
}

export class GetSessionTokenRequest {
  @ApiPropertyOptional({ minimum: 900, maximum: 43200, default: 43200 })
  @IsOptional()
  @IsInt()
  durationSeconds?: number;
  // MFA would change what the session may do: refused, never ignored.
  @IsEmpty(UNSUPPORTED) serialNumber?: unknown;
  @IsEmpty(UNSUPPORTED) tokenCode?: unknown;
}
