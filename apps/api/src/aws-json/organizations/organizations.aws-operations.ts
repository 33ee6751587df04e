import { Injectable } from '@nestjs/common';
// Types only (erased at build): the SDK's output shapes keep the responses honest.
import type * as Aws from '@aws-sdk/client-organizations';
import {
  AcceptHandshakeUseCase,
  CancelHandshakeUseCase,
  CreateAccountUseCase,
  CreateOrganizationalUnitUseCase,
  CreateOrganizationUseCase,
  DeclineHandshakeUseCase,
  DeleteOrganizationUseCase,
  DeregisterDelegatedAdministratorUseCase,
  DescribeAccountUseCase,
  DescribeCreateAccountStatusUseCase,
  DescribeHandshakeUseCase,
  DescribeOrganizationalUnitUseCase,
  DescribeOrganizationUseCase,
  DisableAwsServiceAccessUseCase,
  EnableAllFeaturesUseCase,
  EnableAwsServiceAccessUseCase,
  InviteAccountToOrganizationUseCase,
  LeaveOrganizationUseCase,
  ListAccountsForParentUseCase,
  ListAccountsUseCase,
  ListAwsServiceAccessForOrganizationUseCase,
  ListCreateAccountStatusUseCase,
  ListDelegatedAdministratorsUseCase,
  ListDelegatedServicesForAccountUseCase,
  ListHandshakesForAccountUseCase,
  ListOrganizationalUnitsForParentUseCase,
  ListParentsUseCase,
  ListRootsUseCase,
  MoveAccountUseCase,
  type PageInput,
  RegisterDelegatedAdministratorUseCase,
  RemoveAccountFromOrganizationUseCase,
} from '@app/organizations';
import { type RequestContext } from '@app/platform';
import { AwsAction, AwsService } from '../aws-operation.decorator';
import { AccountIdAwsRequest } from './account-id.aws-request';
import { CreateAccountAwsRequest } from './create-account.aws-request';
import { CreateOrganizationAwsRequest } from './create-organization.aws-request';
import { CreateOrganizationalUnitAwsRequest } from './create-organizational-unit.aws-request';
import { DelegatedAdministratorAwsRequest } from './delegated-administrator.aws-request';
import { DescribeCreateAccountStatusAwsRequest } from './describe-create-account-status.aws-request';
import { DescribeOrganizationalUnitAwsRequest } from './describe-organizational-unit.aws-request';
import { HandshakeIdAwsRequest } from './handshake-id.aws-request';
import { InviteAccountToOrganizationAwsRequest } from './invite-account-to-organization.aws-request';
import { ListCreateAccountStatusAwsRequest } from './list-create-account-status.aws-request';
import { ListDelegatedAdministratorsAwsRequest } from './list-delegated-administrators.aws-request';
import { ListDelegatedServicesForAccountAwsRequest } from './list-delegated-services-for-account.aws-request';
import { ListHandshakesForAccountAwsRequest } from './list-handshakes-for-account.aws-request';
import { ListParentsAwsRequest } from './list-parents.aws-request';
import { MoveAccountAwsRequest } from './move-account.aws-request';
import {
  awsAccount,
  awsCreateAccountStatus,
  awsDelegatedAdministrator,
  awsDelegatedService,
  awsEnabledServicePrincipal,
  type AwsEmptyOutput,
  awsHandshake,
  awsNextToken,
  awsOrganization,
  awsOrganizationalUnit,
  awsParent,
  awsRoot,
  type AwsWire,
} from './organizations.aws-response';
import { PageAwsRequest } from './page.aws-request';
import { ParentPageAwsRequest } from './parent-page.aws-request';
import { ServicePrincipalAwsRequest } from './service-principal.aws-request';

type Output<T> = Promise<AwsWire<T>>;

function page(input: PageAwsRequest): PageInput {
  return { nextToken: input.NextToken, maxResults: input.MaxResults };
}

/**
 * AWS Organizations over AWS JSON 1.1 (`AWSOrganizationsV20161128.<Op>`): each method renames the
 * validated PascalCase input for its use case and the use case's result into the model's output.
 */
@Injectable()
@AwsService({
  service: 'organizations',
  protocol: 'json',
  targetPrefixes: ['AWSOrganizationsV20161128'],
  validationCode: 'InvalidInputException',
})
export class OrganizationsAwsOperations {
  constructor(
    private readonly createOrganization: CreateOrganizationUseCase,
    private readonly describeOrganization: DescribeOrganizationUseCase,
    private readonly deleteOrganization: DeleteOrganizationUseCase,
    private readonly enableAllFeatures: EnableAllFeaturesUseCase,
    private readonly createAccount: CreateAccountUseCase,
    private readonly describeCreateAccountStatus: DescribeCreateAccountStatusUseCase,
    private readonly listCreateAccountStatus: ListCreateAccountStatusUseCase,
    private readonly inviteAccount: InviteAccountToOrganizationUseCase,
    private readonly acceptHandshake: AcceptHandshakeUseCase,
    private readonly declineHandshake: DeclineHandshakeUseCase,
    private readonly cancelHandshake: CancelHandshakeUseCase,
    private readonly describeHandshake: DescribeHandshakeUseCase,
    private readonly listHandshakes: ListHandshakesForAccountUseCase,
    private readonly listAccounts: ListAccountsUseCase,
    private readonly listAccountsForParent: ListAccountsForParentUseCase,
    private readonly describeAccount: DescribeAccountUseCase,
    private readonly removeAccount: RemoveAccountFromOrganizationUseCase,
    private readonly leaveOrganization: LeaveOrganizationUseCase,
    private readonly listRoots: ListRootsUseCase,
    private readonly createOrganizationalUnit: CreateOrganizationalUnitUseCase,
    private readonly listOrganizationalUnits: ListOrganizationalUnitsForParentUseCase,
    private readonly describeOrganizationalUnit: DescribeOrganizationalUnitUseCase,
    private readonly listParents: ListParentsUseCase,
    private readonly moveAccount: MoveAccountUseCase,
    private readonly enableServiceAccess: EnableAwsServiceAccessUseCase,
    private readonly disableServiceAccess: DisableAwsServiceAccessUseCase,
    private readonly listServiceAccess: ListAwsServiceAccessForOrganizationUseCase,
    private readonly registerDelegatedAdministrator: RegisterDelegatedAdministratorUseCase,
    private readonly deregisterDelegatedAdministrator: DeregisterDelegatedAdministratorUseCase,
    private readonly listDelegatedAdministrators: ListDelegatedAdministratorsUseCase,
    private readonly listDelegatedServices: ListDelegatedServicesForAccountUseCase,
  ) {}

  // The organization

  @AwsAction({ input: CreateOrganizationAwsRequest, readOnly: false })
  async CreateOrganization(
    ctx: RequestContext,
    input: CreateOrganizationAwsRequest,
  ): Output<Aws.CreateOrganizationResponse> {
    const org = await this.createOrganization.execute(ctx, { featureSet: input.FeatureSet });
    return { Organization: awsOrganization(org) };
  }

  @AwsAction({ readOnly: true })
  async DescribeOrganization(ctx: RequestContext): Output<Aws.DescribeOrganizationResponse> {
    return { Organization: awsOrganization(await this.describeOrganization.execute(ctx)) };
  }

  @AwsAction({ readOnly: false })
  async DeleteOrganization(ctx: RequestContext): Promise<AwsEmptyOutput> {
    await this.deleteOrganization.execute(ctx);
    return {};
  }

  @AwsAction({ readOnly: false })
  async EnableAllFeatures(ctx: RequestContext): Output<Aws.EnableAllFeaturesResponse> {
    return { Handshake: awsHandshake(await this.enableAllFeatures.execute(ctx)) };
  }

  // Creating accounts

  @AwsAction({ input: CreateAccountAwsRequest, readOnly: false })
  async CreateAccount(
    ctx: RequestContext,
    input: CreateAccountAwsRequest,
  ): Output<Aws.CreateAccountResponse> {
    const status = await this.createAccount.execute(ctx, {
      email: input.Email,
      accountName: input.AccountName,
      roleName: input.RoleName,
      iamUserAccessToBilling: input.IamUserAccessToBilling,
    });
    return { CreateAccountStatus: awsCreateAccountStatus(status) };
  }

  @AwsAction({ input: DescribeCreateAccountStatusAwsRequest, readOnly: true })
  async DescribeCreateAccountStatus(
    ctx: RequestContext,
    input: DescribeCreateAccountStatusAwsRequest,
  ): Output<Aws.DescribeCreateAccountStatusResponse> {
    const status = await this.describeCreateAccountStatus.execute(ctx, {
      createAccountRequestId: input.CreateAccountRequestId,
    });
    return { CreateAccountStatus: awsCreateAccountStatus(status) };
  }

  @AwsAction({ input: ListCreateAccountStatusAwsRequest, readOnly: true })
  async ListCreateAccountStatus(
    ctx: RequestContext,
    input: ListCreateAccountStatusAwsRequest,
  ): Output<Aws.ListCreateAccountStatusResponse> {
    const result = await this.listCreateAccountStatus.execute(ctx, { ...page(input), states: input.States });
    return { CreateAccountStatuses: result.items.map(awsCreateAccountStatus), ...awsNextToken(result) };
  }

  // Invitations (handshakes)

  @AwsAction({ input: InviteAccountToOrganizationAwsRequest, readOnly: false })
  async InviteAccountToOrganization(
    ctx: RequestContext,
    input: InviteAccountToOrganizationAwsRequest,
  ): Output<Aws.InviteAccountToOrganizationResponse> {
    const handshake = await this.inviteAccount.execute(ctx, {
      target: { type: input.Target.Type, id: input.Target.Id },
      notes: input.Notes,
    });
    return { Handshake: awsHandshake(handshake) };
  }

  @AwsAction({ input: HandshakeIdAwsRequest, readOnly: false })
  async AcceptHandshake(
    ctx: RequestContext,
    input: HandshakeIdAwsRequest,
  ): Output<Aws.AcceptHandshakeResponse> {
    return {
      Handshake: awsHandshake(await this.acceptHandshake.execute(ctx, { handshakeId: input.HandshakeId })),
    };
  }

  @AwsAction({ input: HandshakeIdAwsRequest, readOnly: false })
  async DeclineHandshake(
    ctx: RequestContext,
    input: HandshakeIdAwsRequest,
  ): Output<Aws.DeclineHandshakeResponse> {
    return {
      Handshake: awsHandshake(await this.declineHandshake.execute(ctx, { handshakeId: input.HandshakeId })),
    };
  }

  @AwsAction({ input: HandshakeIdAwsRequest, readOnly: false })
  async CancelHandshake(
    ctx: RequestContext,
    input: HandshakeIdAwsRequest,
  ): Output<Aws.CancelHandshakeResponse> {
    return {
      Handshake: awsHandshake(await this.cancelHandshake.execute(ctx, { handshakeId: input.HandshakeId })),
    };
  }

  @AwsAction({ input: HandshakeIdAwsRequest, readOnly: true })
  async DescribeHandshake(
    ctx: RequestContext,
    input: HandshakeIdAwsRequest,
  ): Output<Aws.DescribeHandshakeResponse> {
    return {
      Handshake: awsHandshake(await this.describeHandshake.execute(ctx, { handshakeId: input.HandshakeId })),
    };
  }

  @AwsAction({ input: ListHandshakesForAccountAwsRequest, readOnly: true })
  async ListHandshakesForAccount(
    ctx: RequestContext,
    input: ListHandshakesForAccountAwsRequest,
  ): Output<Aws.ListHandshakesForAccountResponse> {
    const result = await this.listHandshakes.execute(ctx, {
      ...page(input),
      filter: input.Filter && { actionType: input.Filter.ActionType },
    });
    return { Handshakes: result.items.map(awsHandshake), ...awsNextToken(result) };
  }

  // Member accounts

  @AwsAction({ input: PageAwsRequest, readOnly: true })
  async ListAccounts(ctx: RequestContext, input: PageAwsRequest): Output<Aws.ListAccountsResponse> {
    const result = await this.listAccounts.execute(ctx, page(input));
    return { Accounts: result.items.map(awsAccount), ...awsNextToken(result) };
  }

  @AwsAction({ input: ParentPageAwsRequest, readOnly: true })
  async ListAccountsForParent(
    ctx: RequestContext,
    input: ParentPageAwsRequest,
  ): Output<Aws.ListAccountsForParentResponse> {
    const result = await this.listAccountsForParent.execute(ctx, {
      ...page(input),
      parentId: input.ParentId,
    });
    return { Accounts: result.items.map(awsAccount), ...awsNextToken(result) };
  }

  @AwsAction({ input: AccountIdAwsRequest, readOnly: true })
  async DescribeAccount(
    ctx: RequestContext,
    input: AccountIdAwsRequest,
  ): Output<Aws.DescribeAccountResponse> {
    return { Account: awsAccount(await this.describeAccount.execute(ctx, { accountId: input.AccountId })) };
  }

  @AwsAction({ input: AccountIdAwsRequest, readOnly: false })
  async RemoveAccountFromOrganization(
    ctx: RequestContext,
    input: AccountIdAwsRequest,
  ): Promise<AwsEmptyOutput> {
    await this.removeAccount.execute(ctx, { accountId: input.AccountId });
    return {};
  }

  @AwsAction({ readOnly: false })
  async LeaveOrganization(ctx: RequestContext): Promise<AwsEmptyOutput> {
    await this.leaveOrganization.execute(ctx);
    return {};
  }

  // Roots and organizational units

  @AwsAction({ input: PageAwsRequest, readOnly: true })
  async ListRoots(ctx: RequestContext, input: PageAwsRequest): Output<Aws.ListRootsResponse> {
    const result = await this.listRoots.execute(ctx, page(input));
    return { Roots: result.items.map(awsRoot), ...awsNextToken(result) };
  }

  @AwsAction({ input: CreateOrganizationalUnitAwsRequest, readOnly: false })
  async CreateOrganizationalUnit(
    ctx: RequestContext,
    input: CreateOrganizationalUnitAwsRequest,
  ): Output<Aws.CreateOrganizationalUnitResponse> {
    const ou = await this.createOrganizationalUnit.execute(ctx, {
      parentId: input.ParentId,
      name: input.Name,
    });
    return { OrganizationalUnit: awsOrganizationalUnit(ou) };
  }

  @AwsAction({ input: ParentPageAwsRequest, readOnly: true })
  async ListOrganizationalUnitsForParent(
    ctx: RequestContext,
    input: ParentPageAwsRequest,
  ): Output<Aws.ListOrganizationalUnitsForParentResponse> {
    const result = await this.listOrganizationalUnits.execute(ctx, {
      ...page(input),
      parentId: input.ParentId,
    });
    return { OrganizationalUnits: result.items.map(awsOrganizationalUnit), ...awsNextToken(result) };
  }

  @AwsAction({ input: DescribeOrganizationalUnitAwsRequest, readOnly: true })
  async DescribeOrganizationalUnit(
    ctx: RequestContext,
    input: DescribeOrganizationalUnitAwsRequest,
  ): Output<Aws.DescribeOrganizationalUnitResponse> {
    const ou = await this.describeOrganizationalUnit.execute(ctx, {
      organizationalUnitId: input.OrganizationalUnitId,
    });
    return { OrganizationalUnit: awsOrganizationalUnit(ou) };
  }

  @AwsAction({ input: ListParentsAwsRequest, readOnly: true })
  async ListParents(ctx: RequestContext, input: ListParentsAwsRequest): Output<Aws.ListParentsResponse> {
    const result = await this.listParents.execute(ctx, { ...page(input), childId: input.ChildId });
    return { Parents: result.items.map(awsParent), ...awsNextToken(result) };
  }

  @AwsAction({ input: MoveAccountAwsRequest, readOnly: false })
  async MoveAccount(ctx: RequestContext, input: MoveAccountAwsRequest): Promise<AwsEmptyOutput> {
    await this.moveAccount.execute(ctx, {
      accountId: input.AccountId,
      sourceParentId: input.SourceParentId,
      destinationParentId: input.DestinationParentId,
    });
    return {};
  }

  // Trusted service access

  @AwsAction({ input: ServicePrincipalAwsRequest, readOnly: false })
  async EnableAWSServiceAccess(
    ctx: RequestContext,
    input: ServicePrincipalAwsRequest,
  ): Promise<AwsEmptyOutput> {
    await this.enableServiceAccess.execute(ctx, { servicePrincipal: input.ServicePrincipal });
    return {};
  }

  @AwsAction({ input: ServicePrincipalAwsRequest, readOnly: false })
  async DisableAWSServiceAccess(
    ctx: RequestContext,
    input: ServicePrincipalAwsRequest,
  ): Promise<AwsEmptyOutput> {
    await this.disableServiceAccess.execute(ctx, { servicePrincipal: input.ServicePrincipal });
    return {};
  }

  @AwsAction({ input: PageAwsRequest, readOnly: true })
  async ListAWSServiceAccessForOrganization(
    ctx: RequestContext,
    input: PageAwsRequest,
  ): Output<Aws.ListAWSServiceAccessForOrganizationResponse> {
    const result = await this.listServiceAccess.execute(ctx, page(input));
    return {
      EnabledServicePrincipals: result.items.map(awsEnabledServicePrincipal),
      ...awsNextToken(result),
    };
  }

  // Delegated administrators

  @AwsAction({ input: DelegatedAdministratorAwsRequest, readOnly: false })
  async RegisterDelegatedAdministrator(
    ctx: RequestContext,
    input: DelegatedAdministratorAwsRequest,
  ): Promise<AwsEmptyOutput> {
    await this.registerDelegatedAdministrator.execute(ctx, {
      accountId: input.AccountId,
      servicePrincipal: input.ServicePrincipal,
    });
    return {};
  }

  @AwsAction({ input: DelegatedAdministratorAwsRequest, readOnly: false })
  async DeregisterDelegatedAdministrator(
    ctx: RequestContext,
    input: DelegatedAdministratorAwsRequest,
  ): Promise<AwsEmptyOutput> {
    await this.deregisterDelegatedAdministrator.execute(ctx, {
      accountId: input.AccountId,
      servicePrincipal: input.ServicePrincipal,
    });
    return {};
  }

  @AwsAction({ input: ListDelegatedAdministratorsAwsRequest, readOnly: true })
  async ListDelegatedAdministrators(
    ctx: RequestContext,
    input: ListDelegatedAdministratorsAwsRequest,
  ): Output<Aws.ListDelegatedAdministratorsResponse> {
    const result = await this.listDelegatedAdministrators.execute(ctx, {
      ...page(input),
      servicePrincipal: input.ServicePrincipal,
    });
    return { DelegatedAdministrators: result.items.map(awsDelegatedAdministrator), ...awsNextToken(result) };
  }

  @AwsAction({ input: ListDelegatedServicesForAccountAwsRequest, readOnly: true })
  async ListDelegatedServicesForAccount(
    ctx: RequestContext,
    input: ListDelegatedServicesForAccountAwsRequest,
  ): Output<Aws.ListDelegatedServicesForAccountResponse> {
    const result = await this.listDelegatedServices.execute(ctx, {
      ...page(input),
      accountId: input.AccountId,
    });
    return { DelegatedServices: result.items.map(awsDelegatedService), ...awsNextToken(result) };
  }
}
