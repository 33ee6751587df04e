import {
  CloudTrailAccessNotEnabledError,
  InvalidHomeRegionError,
  NotOrganizationManagementAccountError,
  NotOrganizationMasterAccountError,
  OrganizationNotInAllFeaturesModeError,
  OrganizationsNotInUseError,
} from './trail.errors';
import { type TrailRecord } from './trail-record';

/*
 * The organization-trail rule, in one place (iam.md §7, cloudtrail.md decisions 3 and 6): members of
 * the owning organization may read an organization trail, its owner (the management account) and
 * CloudTrail delegated administrators may change it. Authorization evaluates it as the trail's
 * resource rule (`organizationTrailRule`); use cases check it again on the trail they locked
 * (`assertMayChangeTrail`); both answer a member's change with the same error.
 */

/** What decides whether a caller may change a trail it can see. */
export interface TrailChangeRequest {
  readonly trail: Pick<TrailRecord, 'ownerAccountId' | 'homeRegion' | 'settings' | 'arn'>;
  readonly callerAccountId: string;
  readonly callerRegion: string;
  /** The caller is a CloudTrail delegated administrator of the trail's organization. */
  readonly callerIsDelegatedAdministrator: boolean;
}

/**
 * Changes go to the home Region (`InvalidHomeRegionException`; shadow copies are read-only); an
 * organization trail is changed only by its owner (the management account) or a CloudTrail
 * delegated administrator; members get `NotOrganizationMasterAccountException` whatever their IAM
 * policies allow (decision 3). Any other account cannot see the trail at all.
 */
export function assertMayChangeTrail(request: TrailChangeRequest): void {
  const { trail } = request;
  if (request.callerRegion !== trail.homeRegion) {
    throw new InvalidHomeRegionError(trail.homeRegion, request.callerRegion);
  }
  if (request.callerAccountId === trail.ownerAccountId) return;
  if (trail.settings.isOrganizationTrail && !request.callerIsDelegatedAdministrator) {
    throw new NotOrganizationMasterAccountError();
  }
}

/** Turning a trail into an organization trail, or back, is the management account's alone (decision 6). */
export function assertMayConvertOrganizationTrail(
  callerAccountId: string,
  managementAccountId: string,
): void {
  if (callerAccountId !== managementAccountId) {
    throw new NotOrganizationManagementAccountError(
      'Only the management account of the organization can convert a trail to or from an organization trail.',
    );
  }
}

/** Facts about the caller's organization that organization-trail operations check (§3.5). */
export interface OrganizationFacts {
  readonly organizationId: string;
  readonly managementAccountId: string;
  readonly allFeatures: boolean;
  readonly cloudTrailAccessEnabled: boolean;
  readonly callerIsDelegatedAdministrator: boolean;
}

/**
 * Preconditions for creating or converting to an organization trail, in the order of §3.5:
 * an organization, all features, CloudTrail trusted access, and a management-account or
 * delegated-administrator caller.
 */
export function assertOrganizationTrailAllowed(
  callerAccountId: string,
  organization: OrganizationFacts | undefined,
): asserts organization is OrganizationFacts {
  if (!organization) {
    throw new OrganizationsNotInUseError();
  }
  if (!organization.allFeatures) {
    throw new OrganizationNotInAllFeaturesModeError();
  }
  if (!organization.cloudTrailAccessEnabled) {
    throw new CloudTrailAccessNotEnabledError();
  }
  if (callerAccountId !== organization.managementAccountId && !organization.callerIsDelegatedAdministrator) {
    throw new NotOrganizationMasterAccountError();
  }
}

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
