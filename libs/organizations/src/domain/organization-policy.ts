import { accountArn, organizationalUnitArn, rootArn } from './organization-arns';
import { type RandomAlnum } from './organization-ids';
import { InvalidInputError } from './organization.errors';
import { type PolicyType, policyTypeArnSegment } from './policy-types';

/*
 * Organizations policies of every type (cloudtrail.md §5, iam.md §2.4): plain data, ids, ARNs and
 * targets. Attachment rules are in policy-attachments.ts, content rules in policy-content.ts.
 */

export const POLICY_NAME_MAX = 128;
export const POLICY_DESCRIPTION_MAX = 512;

const POLICY_ID = /^p-[0-9a-zA-Z_]{8,128}$/;

/** A stored policy: the organization's own, or AWS managed (`organizationId` null). */
export interface OrganizationPolicyRecord {
  readonly id: string;
  readonly organizationId: string | null;
  readonly type: PolicyType;
  readonly name: string;
  readonly description: string;
  readonly content: string;
  /** Bumped by every content change: the compiled-policy cache's version. */
  readonly revision: number;
}

/** Organizations' `PolicySummary`. */
export interface PolicySummary {
  readonly id: string;
  readonly arn: string;
  readonly name: string;
  readonly description: string;
  readonly type: PolicyType;
  readonly awsManaged: boolean;
}

/** Organizations' `Policy`. */
export interface OrganizationPolicy {
  readonly policySummary: PolicySummary;
  readonly content: string;
}

export type TargetType = 'ROOT' | 'ORGANIZATIONAL_UNIT' | 'ACCOUNT';

/** Organizations' `PolicyTargetSummary`. */
export interface PolicyTarget {
  readonly targetId: string;
  readonly arn: string;
  readonly name: string;
  readonly type: TargetType;
}

/** The organization as policy ARNs and target ARNs need it. */
export interface OrganizationRef {
  readonly id: string;
  readonly managementAccountId: string;
}

export function newPolicyId(random: RandomAlnum): string {
  return `p-${random(8)}`;
}

export function isPolicyId(value: string): boolean {
  return POLICY_ID.test(value);
}

export function assertPolicyId(value: string, field = 'PolicyId'): void {
  if (!isPolicyId(value)) {
    throw new InvalidInputError(
      'INVALID_PATTERN',
      `${field} ${JSON.stringify(value.slice(0, 130))} doesn't match the required pattern.`,
    );
  }
}

/** A root (`r-…`), an OU (`ou-…-…`) or an account (12 digits); undefined for anything else. */
export function targetTypeOf(targetId: string): TargetType | undefined {
  if (/^r-[0-9a-z]{4,32}$/.test(targetId)) return 'ROOT';
  if (/^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$/.test(targetId)) return 'ORGANIZATIONAL_UNIT';
  if (/^\d{12}$/.test(targetId)) return 'ACCOUNT';
  return undefined;
}

export function assertTargetId(value: string, field = 'TargetId'): TargetType {
  const type = targetTypeOf(value);
  if (!type) {
    throw new InvalidInputError(
      'INVALID_PATTERN',
      `${field} ${JSON.stringify(value.slice(0, 100))} doesn't match the required pattern.`,
    );
  }
  return type;
}

export function assertPolicyName(value: string): void {
  if (value.length < 1)
    throw new InvalidInputError('MIN_LENGTH_EXCEEDED', 'Name must be at least 1 character.');
  if (value.length > POLICY_NAME_MAX) {
    throw new InvalidInputError('MAX_LENGTH_EXCEEDED', `Name must be at most ${POLICY_NAME_MAX} characters.`);
  }
}

export function assertPolicyDescription(value: string): void {
  if (value.length > POLICY_DESCRIPTION_MAX) {
    throw new InvalidInputError(
      'MAX_LENGTH_EXCEEDED',
      `Description must be at most ${POLICY_DESCRIPTION_MAX} characters.`,
    );
  }
}

/**
 * `arn:<p>:organizations::<mgmt>:policy/o-…/<type>/p-…` (`service_control_policy`, `tag_policy`, …);
 * AWS managed policies live in `aws`: `arn:<p>:organizations::aws:policy/<type>/p-…`.
 */
export function policyArn(
  partition: string,
  org: OrganizationRef,
  policy: Pick<OrganizationPolicyRecord, 'id' | 'organizationId' | 'type'>,
): string {
  const type = policyTypeArnSegment(policy.type);
  return policy.organizationId === null
    ? `arn:${partition}:organizations::aws:policy/${type}/${policy.id}`
    : `arn:${partition}:organizations::${org.managementAccountId}:policy/${org.id}/${type}/${policy.id}`;
}

export function toPolicySummary(
  policy: OrganizationPolicyRecord,
  org: OrganizationRef,
  partition: string,
): PolicySummary {
  return {
    id: policy.id,
    arn: policyArn(partition, org, policy),
    name: policy.name,
    description: policy.description,
    type: policy.type,
    awsManaged: policy.organizationId === null,
  };
}

export function toOrganizationPolicy(
  policy: OrganizationPolicyRecord,
  org: OrganizationRef,
  partition: string,
): OrganizationPolicy {
  return { policySummary: toPolicySummary(policy, org, partition), content: policy.content };
}

/** The ARN of a root, OU or account of the organization. */
export function targetArn(
  partition: string,
  org: OrganizationRef,
  type: TargetType,
  targetId: string,
): string {
  switch (type) {
    case 'ROOT':
      return rootArn(partition, org.managementAccountId, org.id, targetId);
    case 'ORGANIZATIONAL_UNIT':
      return organizationalUnitArn(partition, org.managementAccountId, org.id, targetId);
    case 'ACCOUNT':
      return accountArn(partition, org.managementAccountId, org.id, targetId);
  }
}
