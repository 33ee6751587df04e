import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { listOf } from '@app/platform';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  CREATE_ACCOUNT_STATES,
  type CreateAccountState,
  type IamUserAccessToBilling,
} from '../domain/create-account';
import { FEATURE_SETS, type FeatureSet } from '../domain/organization';
import { POLICY_TYPES } from '../domain/policy-types';
import { ORGANIZATIONS_PATTERNS as P } from './organization-patterns';

/* The Organizations operations' members (model names, camelCase) with the model's constraints. */

/** A required identifier of at most `length` characters matching `pattern`. */
function id(pattern: RegExp, length: number, example: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ example }),
    IsDefined(),
    IsString(),
    MaxLength(length),
    Matches(pattern),
  );
}

export class OrganizationsTag {
  @ApiProperty() @IsDefined() @IsString() @MinLength(1) @MaxLength(128) key!: string;
  @ApiProperty() @IsDefined() @IsString() @MaxLength(256) value!: string;
}

const tags = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ type: [OrganizationsTag] }),
    IsOptional(),
    listOf(() => OrganizationsTag, 200),
  );

/** `nextToken` and `maxResults` (1–20), shared by every Organizations listing. */
export class OrganizationsPageRequest {
  @ApiPropertyOptional({ description: 'The nextToken of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(100000)
  nextToken?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 20, default: 20 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(20)
  maxResults?: number;
}

export class CreateOrganizationRequest {
  @ApiPropertyOptional({ enum: FEATURE_SETS, default: 'ALL' })
  @IsOptional()
  @IsIn(FEATURE_SETS)
  featureSet?: FeatureSet;
}

export class CreateAccountRequest {
  @ApiProperty({ example: 'audit@example.com' })
  @IsDefined()
  @IsString()
  @MinLength(6)
  @MaxLength(64)
  @Matches(P.email)
  email!: string;
  @ApiProperty({ example: 'Audit' })
  @IsDefined()
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  @Matches(P.accountName)
  accountName!: string;
  /** Its pattern is checked by the use case, which answers the model's INVALID_ROLE_NAME. */
  @ApiPropertyOptional({ default: 'OrganizationAccountAccessRole' })
  @IsOptional()
  @IsString()
  roleName?: string;
  @ApiPropertyOptional({ enum: ['ALLOW', 'DENY'], default: 'ALLOW' })
  @IsOptional()
  @IsIn(['ALLOW', 'DENY'])
  iamUserAccessToBilling?: IamUserAccessToBilling;
  @tags() tags?: OrganizationsTag[];
}

export class DescribeCreateAccountStatusRequest {
  @id(P.createAccountRequestId, 36, 'car-exampleid123') createAccountRequestId!: string;
}

export class ListCreateAccountStatusRequest extends OrganizationsPageRequest {
  @ApiPropertyOptional({ enum: CREATE_ACCOUNT_STATES, isArray: true })
  @IsOptional()
  @IsArray()
  @IsIn(CREATE_ACCOUNT_STATES, { each: true })
  states?: CreateAccountState[];
}

/** The model's `HandshakeParty`; the use case decides which party types may be invited. */
export class HandshakePartyMember {
  @ApiProperty() @IsDefined() @IsString() @MinLength(1) @MaxLength(64) id!: string;
  @ApiProperty({ enum: ['ACCOUNT', 'EMAIL'] })
  @IsDefined()
  @IsIn(['ACCOUNT', 'ORGANIZATION', 'EMAIL'])
  type!: string;
}

export class InviteAccountToOrganizationRequest {
  @ApiProperty({ type: () => HandshakePartyMember })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => HandshakePartyMember)
  target!: HandshakePartyMember;
  @ApiPropertyOptional({ maxLength: 1024 }) @IsOptional() @IsString() @MaxLength(1024) notes?: string;
  @tags() tags?: OrganizationsTag[];
}

export class HandshakeIdRequest {
  @id(P.handshakeId, 34, 'h-examplehandshakeid') handshakeId!: string;
}

/** The model's `HandshakeFilter`. */
export class HandshakeFilterMember {
  @ApiPropertyOptional({
    enum: ['INVITE', 'ENABLE_ALL_FEATURES', 'APPROVE_ALL_FEATURES', 'ADD_ORGANIZATIONS_SERVICE_LINKED_ROLE'],
  })
  @IsOptional()
  @IsIn(['INVITE', 'ENABLE_ALL_FEATURES', 'APPROVE_ALL_FEATURES', 'ADD_ORGANIZATIONS_SERVICE_LINKED_ROLE'])
  actionType?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(34)
  @Matches(P.handshakeId)
  parentHandshakeId?: string;
}

export class ListHandshakesForAccountRequest extends OrganizationsPageRequest {
  @ApiPropertyOptional({ type: () => HandshakeFilterMember })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => HandshakeFilterMember)
  filter?: HandshakeFilterMember;
}

export class AccountIdRequest {
  @id(P.accountId, 12, '111122223333') accountId!: string;
}

export class ParentPageRequest extends OrganizationsPageRequest {
  @id(P.parentId, 100, 'r-ab12') parentId!: string;
}

export class CreateOrganizationalUnitRequest {
  @id(P.parentId, 100, 'r-ab12') parentId!: string;
  @ApiProperty({ example: 'Security' }) @IsDefined() @IsString() @MinLength(1) @MaxLength(128) name!: string;
  @tags() tags?: OrganizationsTag[];
}

export class DescribeOrganizationalUnitRequest {
  @id(P.organizationalUnitId, 68, 'ou-ab12-cdef3456') organizationalUnitId!: string;
}

export class ListParentsRequest extends OrganizationsPageRequest {
  @id(P.childId, 100, '111122223333') childId!: string;
}

export class MoveAccountRequest {
  @id(P.accountId, 12, '111122223333') accountId!: string;
  @id(P.parentId, 100, 'r-ab12') sourceParentId!: string;
  @id(P.parentId, 100, 'ou-ab12-cdef3456') destinationParentId!: string;
}

export class ServicePrincipalRequest {
  @ApiProperty({ example: 'cloudtrail.amazonaws.com' })
  @IsDefined()
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  @Matches(P.servicePrincipal)
  servicePrincipal!: string;
}

export class DelegatedAdministratorRequest extends ServicePrincipalRequest {
  @id(P.accountId, 12, '111122223333') accountId!: string;
}

export class ListDelegatedAdministratorsRequest extends OrganizationsPageRequest {
  @ApiPropertyOptional({ example: 'cloudtrail.amazonaws.com' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  @Matches(P.servicePrincipal)
  servicePrincipal?: string;
}

export class ListDelegatedServicesForAccountRequest extends OrganizationsPageRequest {
  @id(P.accountId, 12, '111122223333') accountId!: string;
}

export class CreateOrganizationPolicyRequest {
  @ApiProperty({ description: 'The policy document (JSON text)' })
  @IsDefined()
  @IsString()
  @Length(1, 1_000_000)
  content!: string;
  @ApiProperty() @IsDefined() @IsString() @MaxLength(512) description!: string;
  @ApiProperty({ example: 'DenyTrailDeletion' }) @IsDefined() @IsString() @Length(1, 128) name!: string;
  @ApiProperty({ enum: POLICY_TYPES }) @IsDefined() @IsString() @IsIn(POLICY_TYPES) type!: string;
  @tags() tags?: OrganizationsTag[];
}

export class PolicyIdRequest {
  @id(P.policyId, 130, 'p-examplepolicyid') policyId!: string;
}

export class UpdateOrganizationPolicyRequest extends PolicyIdRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 128) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(512) description?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 1_000_000) content?: string;
}

export class PolicyTargetRequest extends PolicyIdRequest {
  @id(P.targetId, 100, '111122223333') targetId!: string;
}

export class ListOrganizationPoliciesRequest extends OrganizationsPageRequest {
  @ApiProperty({ enum: POLICY_TYPES }) @IsDefined() @IsString() @IsIn(POLICY_TYPES) filter!: string;
}

export class ListPoliciesForTargetRequest extends ListOrganizationPoliciesRequest {
  @id(P.targetId, 100, '111122223333') targetId!: string;
}

export class ListTargetsForPolicyRequest extends OrganizationsPageRequest {
  @id(P.policyId, 130, 'p-examplepolicyid') policyId!: string;
}

export class PolicyTypeRequest {
  @id(P.rootId, 34, 'r-ab12') rootId!: string;
  @ApiProperty({ enum: POLICY_TYPES }) @IsDefined() @IsString() @IsIn(POLICY_TYPES) policyType!: string;
}
