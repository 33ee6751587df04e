import { InvalidInputError } from './organization.errors';

/*
 * The policy types of the Organizations model (`PolicyType` of @aws-sdk/client-organizations
 * 3.1175) and what each allows: the Organizations User Guide's "Managing policies" table and its
 * quotas page. Types the pages do not list yet take the management-policy defaults (10 per target,
 * 10,000 characters). A root has no type enabled until EnablePolicyType, as in AWS.
 */

export const POLICY_TYPES = [
  'SERVICE_CONTROL_POLICY',
  'RESOURCE_CONTROL_POLICY',
  'TAG_POLICY',
  'BACKUP_POLICY',
  'AISERVICES_OPT_OUT_POLICY',
  'CHATBOT_POLICY',
  'DECLARATIVE_POLICY_EC2',
  'SECURITYHUB_POLICY',
  'SECURITYHUB_CSPM_POLICY',
  'INSPECTOR_POLICY',
  'GUARDDUTY_POLICY',
  'BEDROCK_POLICY',
  'S3_POLICY',
  'NETWORK_SECURITY_DIRECTOR_POLICY',
  'UPGRADE_ROLLOUT_POLICY',
] as const;

export type PolicyType = (typeof POLICY_TYPES)[number];

export const SERVICE_CONTROL_POLICY = 'SERVICE_CONTROL_POLICY';
export const RESOURCE_CONTROL_POLICY = 'RESOURCE_CONTROL_POLICY';

export const FULL_AWS_ACCESS_POLICY_ID = 'p-FullAWSAccess';
export const RCP_FULL_AWS_ACCESS_POLICY_ID = 'p-RCPFullAWSAccess';

export interface PolicyTypeRules {
  /** Authorization policies bound requests (SCPs, RCPs); management policies configure services. */
  readonly category: 'authorization' | 'management';
  /** Policies of the type one root, OU or account may have attached at once. */
  readonly maxAttachmentsPerTarget: number;
  /** Largest content, in characters without whitespace. */
  readonly maxContentCharacters: number;
  /** Policies of the type one organization may create. */
  readonly maxPoliciesPerOrganization: number;
  /**
   * The AWS managed policy every root, OU and account holds while the type is enabled, unless
   * policies of its own replace it; `detachable` says whether it may be detached at all.
   */
  readonly defaultPolicy?: { readonly id: string; readonly detachable: boolean };
  /** The top-level keys of a management policy document, where AWS documents them. */
  readonly documentKeys?: readonly string[];
}

const MANAGEMENT: PolicyTypeRules = {
  category: 'management',
  maxAttachmentsPerTarget: 10,
  maxContentCharacters: 10_000,
  maxPoliciesPerOrganization: 1_000,
};

export const POLICY_TYPE_RULES: Readonly<Record<PolicyType, PolicyTypeRules>> = {
  SERVICE_CONTROL_POLICY: {
    category: 'authorization',
    maxAttachmentsPerTarget: 5,
    maxContentCharacters: 5_120,
    maxPoliciesPerOrganization: 10_000,
    defaultPolicy: { id: FULL_AWS_ACCESS_POLICY_ID, detachable: true },
  },
  RESOURCE_CONTROL_POLICY: {
    category: 'authorization',
    maxAttachmentsPerTarget: 5,
    maxContentCharacters: 5_120,
    maxPoliciesPerOrganization: 1_000,
    // "You cannot detach this policy": RCPFullAWSAccess stays on every target and counts toward five.
    defaultPolicy: { id: RCP_FULL_AWS_ACCESS_POLICY_ID, detachable: false },
  },
  TAG_POLICY: { ...MANAGEMENT, documentKeys: ['tags'] },
  BACKUP_POLICY: { ...MANAGEMENT, documentKeys: ['plans'] },
  AISERVICES_OPT_OUT_POLICY: {
    ...MANAGEMENT,
    maxAttachmentsPerTarget: 5,
    maxContentCharacters: 2_500,
    documentKeys: ['services'],
  },
  CHATBOT_POLICY: { ...MANAGEMENT, maxAttachmentsPerTarget: 5, documentKeys: ['chatbot'] },
  DECLARATIVE_POLICY_EC2: { ...MANAGEMENT, documentKeys: ['ec2_attributes'] },
  SECURITYHUB_POLICY: MANAGEMENT,
  SECURITYHUB_CSPM_POLICY: MANAGEMENT,
  INSPECTOR_POLICY: MANAGEMENT,
  GUARDDUTY_POLICY: MANAGEMENT,
  BEDROCK_POLICY: MANAGEMENT,
  S3_POLICY: MANAGEMENT,
  NETWORK_SECURITY_DIRECTOR_POLICY: MANAGEMENT,
  UPGRADE_ROLLOUT_POLICY: MANAGEMENT,
};

export function isPolicyType(value: string): value is PolicyType {
  return (POLICY_TYPES as readonly string[]).includes(value);
}

/** A `PolicyType` or `Filter` value; anything else is AWS's "invalid value". */
export function parsePolicyType(value: string): PolicyType {
  if (!isPolicyType(value)) throw new InvalidInputError('INVALID_ENUM', 'You specified an invalid value.');
  return value;
}

/** The type as it appears in policy ARNs: `service_control_policy`, `tag_policy`, … */
export function policyTypeArnSegment(type: PolicyType): string {
  return type.toLowerCase();
}
