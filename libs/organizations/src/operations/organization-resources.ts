import { type OperationScope, type ResourceRef, textMember } from '@app/platform';
import { accountArn, organizationalUnitArn, rootArn } from '../domain/organization-arns';
import { policyArn } from '../domain/organization-policy';
import {
  FULL_AWS_ACCESS_POLICY_ID,
  RCP_FULL_AWS_ACCESS_POLICY_ID,
  SERVICE_CONTROL_POLICY,
} from '../domain/policy-types';
import { OrganizationDirectory } from '../persistence/organization.directory';

/*
 * The Organizations resources a request names, as ARNs of the caller's organization (whose rules
 * the use cases enforce themselves): they count as the caller's. Outside an organization, or for a
 * missing identifier, `*`.
 */

function any(scope: OperationScope): ResourceRef {
  return { arn: '*', account: scope.accountId };
}

function inOrganization(
  scope: OperationScope,
  arn: (managementAccountId: string, organizationId: string) => string,
): ResourceRef {
  const organization = scope.organization;
  return organization
    ? { arn: arn(organization.managementAccountId, organization.id), account: scope.accountId }
    : any(scope);
}

export function memberAccountResource(scope: OperationScope, accountId: unknown): ResourceRef {
  const id = textMember(accountId);
  if (id === undefined) return any(scope);
  return inOrganization(scope, (management, org) => accountArn(scope.partition, management, org, id));
}

/** A root (`r-…`), an OU (`ou-…`) or an account (12 digits) of the organization. */
export function organizationNodeResource(scope: OperationScope, nodeId: unknown): ResourceRef {
  const id = textMember(nodeId);
  if (id === undefined) return any(scope);
  if (id.startsWith('r-'))
    return inOrganization(scope, (management, org) => rootArn(scope.partition, management, org, id));
  if (id.startsWith('ou-')) {
    return inOrganization(scope, (management, org) =>
      organizationalUnitArn(scope.partition, management, org, id),
    );
  }
  return memberAccountResource(scope, id);
}

/** A policy of the organization (or an AWS managed one): its ARN carries its type. */
export async function policyResource(scope: OperationScope, policyId: unknown): Promise<ResourceRef> {
  const id = textMember(policyId);
  const organization = scope.organization;
  if (id === undefined || !organization) return any(scope);
  const awsManaged = id === FULL_AWS_ACCESS_POLICY_ID || id === RCP_FULL_AWS_ACCESS_POLICY_ID;
  const directory = scope.resolve(OrganizationDirectory);
  const type =
    (await scope.read((em) => directory.policyType(em, organization.id, id))) ?? SERVICE_CONTROL_POLICY;
  return {
    arn: policyArn(
      scope.partition,
      { id: organization.id, managementAccountId: organization.managementAccountId },
      { id, organizationId: awsManaged ? null : organization.id, type },
    ),
    account: scope.accountId,
  };
}

/** A tagging operation's `ResourceId`: a policy (`p-…`) or a node of the tree. */
export async function taggableResource(scope: OperationScope, resourceId: unknown): Promise<ResourceRef> {
  const id = textMember(resourceId);
  return id?.startsWith('p-') ? policyResource(scope, id) : organizationNodeResource(scope, id);
}
