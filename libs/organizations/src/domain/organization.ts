import { accountArn, organizationalUnitArn, organizationArn, rootArn } from './organization-arns';
import { InvalidInputError } from './organization.errors';
import { type PolicyType, SERVICE_CONTROL_POLICY } from './policy-types';

/*
 * Plain data of the Organizations feature. Output shapes carry the model's members in camelCase
 * (cloudtrail.md §5) with ARNs already formed, so the transports only rename and render.
 */

export type FeatureSet = 'ALL' | 'CONSOLIDATED_BILLING';
export type JoinedMethod = 'INVITED' | 'CREATED';
export type AccountStatus = 'ACTIVE' | 'SUSPENDED';
export type ParentType = 'ROOT' | 'ORGANIZATIONAL_UNIT';

export const FEATURE_SETS: readonly FeatureSet[] = ['ALL', 'CONSOLIDATED_BILLING'];

/** An organization as stored, with the management account's contact details. */
export interface OrganizationRecord {
  readonly id: string;
  readonly managementAccountId: string;
  readonly managementAccountEmail: string;
  readonly managementAccountName: string;
  readonly featureSet: FeatureSet;
  readonly rootId: string;
  readonly createdAt: Date;
}

export interface PolicyTypeSummary {
  readonly type: PolicyType;
  readonly status: 'ENABLED' | 'PENDING_ENABLE' | 'PENDING_DISABLE';
}

export interface Organization {
  readonly id: string;
  readonly arn: string;
  readonly featureSet: FeatureSet;
  readonly masterAccountArn: string;
  readonly masterAccountId: string;
  readonly masterAccountEmail: string;
  readonly availablePolicyTypes: readonly PolicyTypeSummary[];
}

export interface Root {
  readonly id: string;
  readonly arn: string;
  readonly name: 'Root';
  readonly policyTypes: readonly PolicyTypeSummary[];
}

/** A member account as stored: the membership joined with the account's details. */
export interface MemberRecord {
  readonly accountId: string;
  readonly organizationId: string;
  readonly parentId: string;
  readonly joinedMethod: JoinedMethod;
  readonly joinedAt: Date;
  readonly name: string;
  readonly email: string;
  readonly status: AccountStatus;
}

/** Organizations' `Account` shape. */
export interface MemberAccount {
  readonly id: string;
  readonly arn: string;
  readonly email: string;
  readonly name: string;
  /** The deprecated `Status`; `State` carries the same value for the states Trailplane has. */
  readonly status: AccountStatus;
  readonly state: AccountStatus;
  readonly joinedMethod: JoinedMethod;
  readonly joinedTimestamp: Date;
}

export interface OrganizationalUnitRecord {
  readonly id: string;
  readonly organizationId: string;
  readonly parentId: string;
  readonly name: string;
  /** 1 for a child of the root, up to 5. */
  readonly depth: number;
  readonly createdAt: Date;
}

export interface OrganizationalUnit {
  readonly id: string;
  readonly arn: string;
  readonly name: string;
  /** `o-…/r-…/ou-…/…/` down to and including this OU. */
  readonly path: string;
}

export interface Parent {
  readonly id: string;
  readonly type: ParentType;
}

export interface EnabledServicePrincipal {
  readonly servicePrincipal: string;
  readonly dateEnabled: Date;
}

export interface DelegatedAdministrator extends MemberAccount {
  readonly delegationEnabledDate: Date;
}

export interface DelegatedService {
  readonly servicePrincipal: string;
  readonly delegationEnabledDate: Date;
}

/** A listing page: `nextToken` is present while more items remain. */
export interface Page<T> {
  readonly items: T[];
  readonly nextToken?: string;
}

export interface PageInput {
  readonly nextToken?: string;
  readonly maxResults?: number;
}

/** CreateOrganization's FeatureSet: ALL unless the caller asks for consolidated billing only. */
export function parseFeatureSet(value: string | undefined): FeatureSet {
  if (value === undefined) return 'ALL';
  const featureSet = FEATURE_SETS.find((f) => f === value);
  if (!featureSet)
    throw new InvalidInputError('INVALID_ENUM', `FeatureSet must be one of ${FEATURE_SETS.join(', ')}.`);
  return featureSet;
}

/**
 * DescribeOrganization's deprecated AvailablePolicyTypes, as AWS shows it: SCPs for an all-features
 * organization, whatever its root has enabled ("if you disable a policy type for a root, it still
 * appears enabled for the organization"); ListRoots tells what is enabled.
 */
export function availablePolicyTypes(featureSet: FeatureSet): PolicyTypeSummary[] {
  return featureSet === 'ALL' ? [{ type: SERVICE_CONTROL_POLICY, status: 'ENABLED' }] : [];
}

export function toOrganization(org: OrganizationRecord, partition: string): Organization {
  return {
    id: org.id,
    arn: organizationArn(partition, org.managementAccountId, org.id),
    featureSet: org.featureSet,
    masterAccountArn: accountArn(partition, org.managementAccountId, org.id, org.managementAccountId),
    masterAccountId: org.managementAccountId,
    masterAccountEmail: org.managementAccountEmail,
    availablePolicyTypes: availablePolicyTypes(org.featureSet),
  };
}

/** `enabledTypes`: the policy types the root has enabled (none until EnablePolicyType, as in AWS). */
export function toRoot(
  org: OrganizationRecord,
  enabledTypes: readonly PolicyType[],
  partition: string,
): Root {
  return {
    id: org.rootId,
    arn: rootArn(partition, org.managementAccountId, org.id, org.rootId),
    name: 'Root',
    policyTypes: enabledTypes.map((type) => ({ type, status: 'ENABLED' })),
  };
}

export function toMemberAccount(
  member: MemberRecord,
  org: OrganizationRecord,
  partition: string,
): MemberAccount {
  return {
    id: member.accountId,
    arn: accountArn(partition, org.managementAccountId, org.id, member.accountId),
    email: member.email,
    name: member.name,
    status: member.status,
    state: member.status,
    joinedMethod: member.joinedMethod,
    joinedTimestamp: member.joinedAt,
  };
}

/** `ancestors` are the OU ids above `ou`, top first (the root excluded). */
export function toOrganizationalUnit(
  ou: OrganizationalUnitRecord,
  org: OrganizationRecord,
  ancestors: readonly string[],
  partition: string,
): OrganizationalUnit {
  return {
    id: ou.id,
    arn: organizationalUnitArn(partition, org.managementAccountId, org.id, ou.id),
    name: ou.name,
    path: [org.id, org.rootId, ...ancestors, ou.id].join('/') + '/',
  };
}

export function parentOf(parentId: string, org: OrganizationRecord): Parent {
  return { id: parentId, type: parentId === org.rootId ? 'ROOT' : 'ORGANIZATIONAL_UNIT' };
}
