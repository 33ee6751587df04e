import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type AccessKeyOutput,
  type AttachedPolicyOutput,
  type IamPage,
  type PolicyOutput,
  type PolicyVersionOutput,
  type RoleOutput,
  type UserOutput,
} from '@app/iam';

/* REST answers of the IAM operations: the IAM API's shapes in camelCase, dates in ISO 8601. */

export class IamTagResponse {
  @ApiProperty() key!: string;
  @ApiProperty() value!: string;
}

export class UserResponse {
  @ApiProperty() userName!: string;
  @ApiProperty({ example: 'AIDAEXAMPLE' }) userId!: string;
  @ApiProperty() arn!: string;
  @ApiProperty() path!: string;
  @ApiProperty() createDate!: Date;
  @ApiProperty({ type: [IamTagResponse] }) tags!: IamTagResponse[];
}

export class UserListResponse {
  @ApiProperty({ type: [UserResponse] }) users!: UserResponse[];
  @ApiProperty() isTruncated!: boolean;
  @ApiPropertyOptional() marker?: string;
}

export class RoleResponse {
  @ApiProperty() roleName!: string;
  @ApiProperty({ example: 'AROAEXAMPLE' }) roleId!: string;
  @ApiProperty() arn!: string;
  @ApiProperty() path!: string;
  @ApiProperty() createDate!: Date;
  @ApiProperty({ description: 'The trust policy (JSON text)' }) assumeRolePolicyDocument!: string;
  @ApiPropertyOptional() description?: string;
  @ApiProperty() maxSessionDuration!: number;
  @ApiProperty({ type: [IamTagResponse] }) tags!: IamTagResponse[];
}

export class RoleListResponse {
  @ApiProperty({ type: [RoleResponse] }) roles!: RoleResponse[];
  @ApiProperty() isTruncated!: boolean;
  @ApiPropertyOptional() marker?: string;
}

export class ManagedPolicyResponse {
  @ApiProperty() policyName!: string;
  @ApiProperty({ example: 'ANPAEXAMPLE' }) policyId!: string;
  @ApiProperty() arn!: string;
  @ApiProperty() path!: string;
  @ApiProperty({ example: 'v1' }) defaultVersionId!: string;
  @ApiProperty() attachmentCount!: number;
  @ApiProperty() isAttachable!: boolean;
  @ApiPropertyOptional() description?: string;
  @ApiProperty() createDate!: Date;
  @ApiProperty() updateDate!: Date;
}

export class ManagedPolicyListResponse {
  @ApiProperty({ type: [ManagedPolicyResponse] }) policies!: ManagedPolicyResponse[];
  @ApiProperty() isTruncated!: boolean;
  @ApiPropertyOptional() marker?: string;
}

export class ManagedPolicyVersionResponse {
  @ApiProperty({ example: 'v1' }) versionId!: string;
  @ApiProperty() isDefaultVersion!: boolean;
  @ApiProperty({ description: 'The document (JSON text)' }) document!: string;
  @ApiProperty() createDate!: Date;
}

export class ManagedPolicyVersionListResponse {
  @ApiProperty({ type: [ManagedPolicyVersionResponse] }) versions!: ManagedPolicyVersionResponse[];
}

export class AttachedPolicyResponse {
  @ApiProperty() policyName!: string;
  @ApiProperty() policyArn!: string;
}

export class AttachedPolicyListResponse {
  @ApiProperty({ type: [AttachedPolicyResponse] }) attachedPolicies!: AttachedPolicyResponse[];
}

export class InlinePolicyResponse {
  @ApiProperty({ description: 'The user or role' }) principalName!: string;
  @ApiProperty() policyName!: string;
  @ApiProperty({ description: 'The document (JSON text)' }) policyDocument!: string;
}

export class InlinePolicyNamesResponse {
  @ApiProperty({ type: [String] }) policyNames!: string[];
}

export class AccessKeyResponse {
  @ApiProperty() userName!: string;
  @ApiProperty({ example: 'AKIAEXAMPLE' }) accessKeyId!: string;
  @ApiProperty({ enum: ['Active', 'Inactive'] }) status!: string;
  @ApiProperty() createDate!: Date;
  @ApiPropertyOptional({ description: 'CreateAccessKey only: shown once, never again' })
  secretAccessKey?: string;
}

export class AccessKeyListResponse {
  @ApiProperty({ type: [AccessKeyResponse] }) accessKeyMetadata!: AccessKeyResponse[];
}

function page<T>(result: IamPage<T>): { isTruncated: boolean; marker?: string } {
  return {
    isTruncated: result.isTruncated,
    ...(result.marker === undefined ? {} : { marker: result.marker }),
  };
}

export const toUserResponse = (user: UserOutput): UserResponse => ({ ...user, tags: [...user.tags] });
export const toRoleResponse = (role: RoleOutput): RoleResponse => ({ ...role, tags: [...role.tags] });
export const toManagedPolicyResponse = (policy: PolicyOutput): ManagedPolicyResponse => ({ ...policy });
export const toManagedPolicyVersionResponse = (
  version: PolicyVersionOutput,
): ManagedPolicyVersionResponse => ({
  ...version,
});
export const toAccessKeyResponse = (key: AccessKeyOutput): AccessKeyResponse => ({ ...key });

export function toUserListResponse(result: IamPage<UserOutput>): UserListResponse {
  return { users: result.items.map(toUserResponse), ...page(result) };
}

export function toRoleListResponse(result: IamPage<RoleOutput>): RoleListResponse {
  return { roles: result.items.map(toRoleResponse), ...page(result) };
}

export function toManagedPolicyListResponse(result: IamPage<PolicyOutput>): ManagedPolicyListResponse {
  return { policies: result.items.map(toManagedPolicyResponse), ...page(result) };
}

export function toAttachedPolicyListResponse(policies: AttachedPolicyOutput[]): AttachedPolicyListResponse {
  return { attachedPolicies: policies.map((policy) => ({ ...policy })) };
}
