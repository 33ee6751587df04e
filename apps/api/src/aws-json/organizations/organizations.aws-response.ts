// Types only (erased at build): the SDK's model shapes keep the member names here honest.
import type * as Aws from '@aws-sdk/client-organizations';
import {
  type Child,
  type CreateAccountStatus,
  type DelegatedAdministrator,
  type DelegatedService,
  type EnabledServicePrincipal,
  type Handshake,
  type HandshakeResource,
  type MemberAccount,
  type Organization,
  type OrganizationalUnit,
  type Page,
  type Parent,
  type PolicyTypeSummary,
  type Root,
  type Tag,
} from '@app/organizations';
import { type AwsWire, epochSeconds } from '../aws-wire';

export { type AwsEmptyOutput, type AwsWire } from '../aws-wire';

/** `{NextToken}` while more items remain, nothing on the last page. */
export function awsNextToken(page: Page<unknown>): { NextToken?: string } {
  return page.nextToken === undefined ? {} : { NextToken: page.nextToken };
}

function awsPolicyTypeSummary(summary: PolicyTypeSummary): AwsWire<Aws.PolicyTypeSummary> {
  return { Type: summary.type, Status: summary.status };
}

export function awsOrganization(org: Organization): AwsWire<Aws.Organization> {
  return {
    Id: org.id,
    Arn: org.arn,
    FeatureSet: org.featureSet,
    MasterAccountArn: org.masterAccountArn,
    MasterAccountId: org.masterAccountId,
    MasterAccountEmail: org.masterAccountEmail,
    AvailablePolicyTypes: org.availablePolicyTypes.map(awsPolicyTypeSummary),
  };
}

export function awsAccount(account: MemberAccount): AwsWire<Aws.Account> {
  return {
    Id: account.id,
    Arn: account.arn,
    Email: account.email,
    Name: account.name,
    Status: account.status,
    State: account.state,
    JoinedMethod: account.joinedMethod,
    JoinedTimestamp: epochSeconds(account.joinedTimestamp),
  };
}

export function awsCreateAccountStatus(status: CreateAccountStatus): AwsWire<Aws.CreateAccountStatus> {
  return {
    Id: status.id,
    AccountName: status.accountName,
    State: status.state,
    RequestedTimestamp: epochSeconds(status.requestedTimestamp),
    ...(status.completedTimestamp === undefined
      ? {}
      : { CompletedTimestamp: epochSeconds(status.completedTimestamp) }),
    ...(status.accountId === undefined ? {} : { AccountId: status.accountId }),
    ...(status.failureReason === undefined ? {} : { FailureReason: status.failureReason }),
  };
}

function awsHandshakeResource(resource: HandshakeResource): AwsWire<Aws.HandshakeResource> {
  return {
    Value: resource.value,
    Type: resource.type,
    ...(resource.resources === undefined ? {} : { Resources: resource.resources.map(awsHandshakeResource) }),
  };
}

export function awsHandshake(handshake: Handshake): AwsWire<Aws.Handshake> {
  return {
    Id: handshake.id,
    Arn: handshake.arn,
    Parties: handshake.parties.map((party) => ({ Id: party.id, Type: party.type })),
    State: handshake.state,
    RequestedTimestamp: epochSeconds(handshake.requestedTimestamp),
    ExpirationTimestamp: epochSeconds(handshake.expirationTimestamp),
    Action: handshake.action,
    Resources: handshake.resources.map(awsHandshakeResource),
  };
}

export function awsRoot(root: Root): AwsWire<Aws.Root> {
  return {
    Id: root.id,
    Arn: root.arn,
    Name: root.name,
    PolicyTypes: root.policyTypes.map(awsPolicyTypeSummary),
  };
}

export function awsOrganizationalUnit(ou: OrganizationalUnit): AwsWire<Aws.OrganizationalUnit> {
  return { Id: ou.id, Arn: ou.arn, Name: ou.name, Path: ou.path };
}

export function awsParent(parent: Parent): AwsWire<Aws.Parent> {
  return { Id: parent.id, Type: parent.type };
}

export function awsChild(child: Child): AwsWire<Aws.Child> {
  return { Id: child.id, Type: child.type };
}

export function awsTag(tag: Tag): AwsWire<Aws.Tag> {
  return { Key: tag.key, Value: tag.value };
}

export function awsEnabledServicePrincipal(
  enabled: EnabledServicePrincipal,
): AwsWire<Aws.EnabledServicePrincipal> {
  return { ServicePrincipal: enabled.servicePrincipal, DateEnabled: epochSeconds(enabled.dateEnabled) };
}

export function awsDelegatedAdministrator(
  admin: DelegatedAdministrator,
): AwsWire<Aws.DelegatedAdministrator> {
  return {
    ...awsAccount(admin),
    DelegationEnabledDate: epochSeconds(admin.delegationEnabledDate),
  };
}

export function awsDelegatedService(service: DelegatedService): AwsWire<Aws.DelegatedService> {
  return {
    ServicePrincipal: service.servicePrincipal,
    DelegationEnabledDate: epochSeconds(service.delegationEnabledDate),
  };
}
