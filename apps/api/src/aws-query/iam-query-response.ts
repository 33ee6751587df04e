import {
  type AccessKeyOutput,
  type AttachedPolicyOutput,
  type IamPage,
  type PolicyOutput,
  type PolicyVersionOutput,
  type RoleOutput,
  type SimulationResult,
  type UserOutput,
} from '@app/iam';

/*
 * IAM's query-protocol result members (the IAM API Reference's shapes, PascalCase). Policy documents
 * go out URL-encoded, as IAM sends them (the AWS CLI decodes them; SDK callers decodeURIComponent).
 */

type Members = Record<string, unknown>;

/** A policy document as IAM returns it: percent-encoded JSON text. */
export function iamDocument(document: string): string {
  return encodeURIComponent(document);
}

function iamTags(tags: readonly { key: string; value: string }[]): Members {
  return tags.length === 0 ? {} : { Tags: tags.map((tag) => ({ Key: tag.key, Value: tag.value })) };
}

/** `IsTruncated`, and the `Marker` of the next page while it is. */
export function iamPage(page: IamPage<unknown>): Members {
  return { IsTruncated: page.isTruncated, ...(page.marker === undefined ? {} : { Marker: page.marker }) };
}

/** A listing IAM pages but Trailplane answers whole (a principal's policies, a user's keys). */
export const WHOLE_LIST: Members = { IsTruncated: false };

export function iamUser(user: UserOutput): Members {
  return {
    Path: user.path,
    UserName: user.userName,
    UserId: user.userId,
    Arn: user.arn,
    CreateDate: user.createDate,
    ...iamTags(user.tags),
  };
}

export function iamRole(role: RoleOutput): Members {
  return {
    Path: role.path,
    RoleName: role.roleName,
    RoleId: role.roleId,
    Arn: role.arn,
    CreateDate: role.createDate,
    AssumeRolePolicyDocument: iamDocument(role.assumeRolePolicyDocument),
    Description: role.description,
    MaxSessionDuration: role.maxSessionDuration,
    ...iamTags(role.tags),
  };
}

export function iamPolicy(policy: PolicyOutput): Members {
  return {
    PolicyName: policy.policyName,
    PolicyId: policy.policyId,
    Arn: policy.arn,
    Path: policy.path,
    DefaultVersionId: policy.defaultVersionId,
    AttachmentCount: policy.attachmentCount,
    PermissionsBoundaryUsageCount: 0,
    IsAttachable: policy.isAttachable,
    Description: policy.description,
    CreateDate: policy.createDate,
    UpdateDate: policy.updateDate,
  };
}

/** A version; its document only where IAM sends it (GetPolicyVersion). */
export function iamPolicyVersion(version: PolicyVersionOutput, withDocument: boolean): Members {
  return {
    ...(withDocument ? { Document: iamDocument(version.document) } : {}),
    VersionId: version.versionId,
    IsDefaultVersion: version.isDefaultVersion,
    CreateDate: version.createDate,
  };
}

export function iamAccessKey(key: AccessKeyOutput): Members {
  return {
    UserName: key.userName,
    AccessKeyId: key.accessKeyId,
    Status: key.status,
    ...(key.secretAccessKey === undefined ? {} : { SecretAccessKey: key.secretAccessKey }),
    CreateDate: key.createDate,
  };
}

export function iamAttachedPolicy(policy: AttachedPolicyOutput): Members {
  return { PolicyName: policy.policyName, PolicyArn: policy.policyArn };
}

const EVAL_DECISIONS = { Allow: 'allowed', ImplicitDeny: 'implicitDeny', ExplicitDeny: 'explicitDeny' };

/** SimulatePrincipalPolicy's `EvaluationResults` member; the deciding policy as its matched statement. */
export function iamEvaluationResult(result: SimulationResult): Members {
  const { policyName } = result.reason;
  return {
    EvalActionName: result.action,
    EvalResourceName: result.resource,
    EvalDecision: EVAL_DECISIONS[result.decision],
    MatchedStatements:
      policyName === undefined || result.decision === 'ImplicitDeny' ? [] : [{ SourcePolicyId: policyName }],
    MissingContextValues: [],
  };
}
