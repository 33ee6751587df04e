import { type OperationScope, type ResourceRef, textMember } from '@app/platform';
import { accountArn, organizationalUnitArn, rootArn } from '../domain/organization-arns';
import { FULL_AWS_ACCESS_POLICY_ID, serviceControlPolicyArn } from '../domain/service-control-policy';

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

export function policyResource(scope: OperationScope, policyId: unknown): ResourceRef {
  const id = textMember(policyId);
  if (id === undefined) return any(scope);
  return inOrganization(scope, (management, org) =>
    serviceControlPolicyArn(scope.partition, management, org, {
      id,
      organizationId: id === FULL_AWS_ACCESS_POLICY_ID ? null : org,
    }),
  );
}
