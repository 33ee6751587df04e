import { accountArn, organizationalUnitArn, rootArn } from './organization-arns';
import { type RandomAlnum } from './organization-ids';
import { InvalidInputError } from './organization.errors';
import {
  DuplicatePolicyAttachmentError,
  PolicyNotAttachedError,
  ScpConstraintViolationError,
} from './service-control-policy.errors';

/*
 * Service control policies (cloudtrail.md §5, iam.md §2.4): plain data, ids, ARNs and the rules
 * about attachments. Every root, OU and account holds at least one SCP while SCPs are enabled;
 * one without attachments of its own holds the AWS managed FullAWSAccess, as AWS attaches it.
 */

export const SERVICE_CONTROL_POLICY = 'SERVICE_CONTROL_POLICY';
export type ServiceControlPolicyType = typeof SERVICE_CONTROL_POLICY;

/** The policy types of the Organizations model; only SCPs are available in Trailplane. */
export const POLICY_TYPES = [
  'SERVICE_CONTROL_POLICY',
  'RESOURCE_CONTROL_POLICY',
  'DECLARATIVE_POLICY_EC2',
  'BACKUP_POLICY',
  'TAG_POLICY',
  'CHATBOT_POLICY',
  'AISERVICES_OPT_OUT_POLICY',
] as const;

export const FULL_AWS_ACCESS_POLICY_ID = 'p-FullAWSAccess';

/** SCPs attached to one root, OU or account (cloudtrail.md §5, PERFORMANCE.md). */
export const SCPS_PER_TARGET = 5;

export const POLICY_NAME_MAX = 128;
export const POLICY_DESCRIPTION_MAX = 512;

const POLICY_ID = /^p-[0-9a-zA-Z_]{8,128}$/;

/** A stored SCP: the organization's own, or AWS managed (`organizationId` null). */
export interface ServiceControlPolicyRecord {
  readonly id: string;
  readonly organizationId: string | null;
  readonly type: ServiceControlPolicyType;
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
  readonly type: ServiceControlPolicyType;
  readonly awsManaged: boolean;
}

/** Organizations' `Policy`. */
export interface ServiceControlPolicy {
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

export function newPolicyId(random: RandomAlnum): string {
  return `p-${random(8)}`;
}

export function assertPolicyId(value: string, field = 'PolicyId'): void {
  if (!POLICY_ID.test(value)) {
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

/** `ALL` organizations only, and an SCP type only: anything else is refused. */
export function assertPolicyType(value: string): ServiceControlPolicyType {
  if (value === SERVICE_CONTROL_POLICY) return SERVICE_CONTROL_POLICY;
  if ((POLICY_TYPES as readonly string[]).includes(value)) {
    throw new InvalidInputError(
      'INVALID_ENUM',
      `Policy type ${value} is not available in Trailplane: only ${SERVICE_CONTROL_POLICY} is.`,
    );
  }
  throw new InvalidInputError('INVALID_ENUM', `PolicyType must be one of ${POLICY_TYPES.join(', ')}.`);
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

/** `arn:<p>:organizations::<mgmt>:policy/o-…/service_control_policy/p-…`; AWS managed ones live in `aws`. */
export function serviceControlPolicyArn(
  partition: string,
  managementAccountId: string,
  organizationId: string,
  policy: Pick<ServiceControlPolicyRecord, 'id' | 'organizationId'>,
): string {
  return policy.organizationId === null
    ? `arn:${partition}:organizations::aws:policy/service_control_policy/${policy.id}`
    : `arn:${partition}:organizations::${managementAccountId}:policy/${organizationId}/service_control_policy/${policy.id}`;
}

export function toPolicySummary(
  policy: ServiceControlPolicyRecord,
  org: { readonly id: string; readonly managementAccountId: string },
  partition: string,
): PolicySummary {
  return {
    id: policy.id,
    arn: serviceControlPolicyArn(partition, org.managementAccountId, org.id, policy),
    name: policy.name,
    description: policy.description,
    type: policy.type,
    awsManaged: policy.organizationId === null,
  };
}

/** The ARN of a root, OU or account of the organization. */
export function targetArn(
  partition: string,
  org: { readonly id: string; readonly managementAccountId: string },
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

/** The SCPs a target holds: its own attachments, or FullAWSAccess when it has none. */
export function effectivePolicyIds(attached: readonly string[]): readonly string[] {
  return attached.length > 0 ? attached : [FULL_AWS_ACCESS_POLICY_ID];
}

/**
 * The attachments of a target after attaching `policyId` (materialising the default FullAWSAccess).
 * Throws when already attached or when the target would hold more than five SCPs.
 */
export function attachmentsAfterAttach(attached: readonly string[], policyId: string): string[] {
  const current = effectivePolicyIds(attached);
  if (current.includes(policyId)) throw new DuplicatePolicyAttachmentError();
  if (current.length >= SCPS_PER_TARGET) {
    throw new ScpConstraintViolationError(
      'MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED',
      `You attempted to exceed the number of policies of a certain type (${SCPS_PER_TARGET}) that you can attach to an entity.`,
    );
  }
  return [...current, policyId];
}

/** The attachments of a target after detaching `policyId`; a target keeps at least one SCP. */
export function attachmentsAfterDetach(attached: readonly string[], policyId: string): string[] {
  const current = effectivePolicyIds(attached);
  if (!current.includes(policyId)) throw new PolicyNotAttachedError();
  if (current.length === 1) {
    throw new ScpConstraintViolationError(
      'MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED',
      'You attempted to detach a policy from an entity that would leave it with fewer than the minimum number of policies of that type (1).',
    );
  }
  return current.filter((id) => id !== policyId);
}
