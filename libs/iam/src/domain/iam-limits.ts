import { type PolicySizeLimit } from '@app/policy';

/** IAM quotas (IAM User Guide, "IAM and AWS STS quotas"). */
export const IAM_QUOTAS = {
  managedPoliciesPerPrincipal: 10,
  accessKeysPerUser: 2,
  versionsPerManagedPolicy: 5,
} as const;

/** A role's trust policy (the default `ACLSizePerRole` quota), measured without whitespace. */
export const TRUST_POLICY_LIMIT: PolicySizeLimit = { maxCharacters: 2_048, excludeWhitespace: true };

/** Role `MaxSessionDuration`: one to twelve hours, one hour by default. */
export const MAX_SESSION_DURATION = { min: 3_600, max: 43_200, default: 3_600 } as const;
