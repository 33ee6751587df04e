import { iamRoleArn, iamUserArn, managedPolicyArn } from './iam-arns';
import { type Tag } from './iam-names';
import { type IamRole } from './iam-role';
import { type IamUser } from './iam-user';
import { type ManagedPolicy, type PolicyVersion } from './managed-policy';

/*
 * The IAM API's output shapes in camelCase (the transports rename), ARNs already formed.
 */

export interface UserOutput {
  readonly userName: string;
  readonly userId: string;
  readonly arn: string;
  readonly path: string;
  readonly createDate: Date;
  readonly tags: readonly Tag[];
}

export interface RoleOutput {
  readonly roleName: string;
  readonly roleId: string;
  readonly arn: string;
  readonly path: string;
  readonly createDate: Date;
  /** The trust policy, as JSON text. */
  readonly assumeRolePolicyDocument: string;
  readonly description?: string;
  readonly maxSessionDuration: number;
  readonly tags: readonly Tag[];
}

export interface PolicyOutput {
  readonly policyName: string;
  readonly policyId: string;
  readonly arn: string;
  readonly path: string;
  readonly defaultVersionId: string;
  /** Attachments to users and roles of the caller's account. */
  readonly attachmentCount: number;
  readonly isAttachable: true;
  readonly description?: string;
  readonly createDate: Date;
  readonly updateDate: Date;
}

export interface PolicyVersionOutput {
  readonly versionId: string;
  readonly isDefaultVersion: boolean;
  /** The document as it was written (JSON text). */
  readonly document: string;
  readonly createDate: Date;
}

export interface AttachedPolicyOutput {
  readonly policyName: string;
  readonly policyArn: string;
}

export interface AccessKeyOutput {
  readonly userName: string;
  readonly accessKeyId: string;
  readonly status: 'Active' | 'Inactive';
  readonly createDate: Date;
  /** CreateAccessKey only: the secret is shown once, never again. */
  readonly secretAccessKey?: string;
}

/** An IAM listing page: `marker` (with `isTruncated`) while more items remain. */
export interface IamPage<T> {
  readonly items: T[];
  readonly isTruncated: boolean;
  readonly marker?: string;
}

export function toUserOutput(user: IamUser, partition: string): UserOutput {
  return {
    userName: user.name,
    userId: user.id,
    arn: iamUserArn(partition, user.accountId, user.path, user.name),
    path: user.path,
    createDate: user.createdAt,
    tags: user.tags,
  };
}

export function toRoleOutput(role: IamRole, partition: string): RoleOutput {
  return {
    roleName: role.name,
    roleId: role.id,
    arn: iamRoleArn(partition, role.accountId, role.path, role.name),
    path: role.path,
    createDate: role.createdAt,
    assumeRolePolicyDocument: JSON.stringify(role.trustPolicy),
    ...(role.description === undefined ? {} : { description: role.description }),
    maxSessionDuration: role.maxSessionSeconds,
    tags: role.tags,
  };
}

export function toPolicyOutput(policy: ManagedPolicy, partition: string): PolicyOutput {
  return {
    policyName: policy.name,
    policyId: policy.id,
    arn: managedPolicyArn(partition, policy.accountId, policy.path, policy.name),
    path: policy.path,
    defaultVersionId: policy.defaultVersionId,
    attachmentCount: policy.attachmentCount,
    isAttachable: true,
    ...(policy.description === undefined ? {} : { description: policy.description }),
    createDate: policy.createdAt,
    updateDate: policy.updatedAt,
  };
}

export function toPolicyVersionOutput(version: PolicyVersion): PolicyVersionOutput {
  return {
    versionId: version.versionId,
    isDefaultVersion: version.isDefaultVersion,
    document: version.document,
    createDate: version.createdAt,
  };
}
