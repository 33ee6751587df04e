/**
 * The AWS managed policies every account can attach from the start (seeded by migration
 * 1764000000006; ARNs `arn:<partition>:iam::aws:policy/<name>`), by name → policy id.
 */
export const AWS_MANAGED_POLICY_IDS = {
  AdministratorAccess: 'ANPAAWSMANAGED000001',
  ReadOnlyAccess: 'ANPAAWSMANAGED000002',
  AWSCloudTrail_FullAccess: 'ANPAAWSMANAGED000003',
  AWSCloudTrail_ReadOnlyAccess: 'ANPAAWSMANAGED000004',
  AWSOrganizationsFullAccess: 'ANPAAWSMANAGED000005',
  AWSOrganizationsReadOnlyAccess: 'ANPAAWSMANAGED000006',
} as const;

export type AwsManagedPolicyName = keyof typeof AWS_MANAGED_POLICY_IDS;
