/** The read-only actions members may perform on the organization trails they inherit (iam.md §7). */
export const ORGANIZATION_TRAIL_READ_ACTIONS = [
  'cloudtrail:Describe*',
  'cloudtrail:Get*',
  'cloudtrail:List*',
];

/**
 * The built-in resource rule of an organization trail (iam.md §7, cloudtrail.md decisions 3 and 6). The
 * trail's ARN carries the management account, so a member's call is cross-account: members of the owning
 * organization may read it, CloudTrail delegated administrators may manage it, and every other call from
 * another account is implicitly denied whatever the caller's identity policies say.
 */
export function organizationTrailRule(input: {
  readonly trailArn: string;
  readonly organizationId: string;
  readonly delegatedAdministratorAccountIds: readonly string[];
}): object {
  const statements: object[] = [
    {
      Sid: 'OrganizationMembersMayRead',
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: ORGANIZATION_TRAIL_READ_ACTIONS,
      Resource: input.trailArn,
      Condition: { StringEquals: { 'aws:PrincipalOrgID': input.organizationId } },
    },
  ];
  if (input.delegatedAdministratorAccountIds.length > 0) {
    statements.push({
      Sid: 'DelegatedAdministratorsMayManage',
      Effect: 'Allow',
      Principal: { AWS: [...input.delegatedAdministratorAccountIds] },
      Action: 'cloudtrail:*',
      Resource: input.trailArn,
      Condition: { StringEquals: { 'aws:PrincipalOrgID': input.organizationId } },
    });
  }
  return { Version: '2012-10-17', Statement: statements };
}
