import { Module } from '@nestjs/common';
import { AccountsModule } from '@app/accounts';
import { IamModule } from '@app/iam';
import { CompleteAccountCreationHandler } from './jobs/complete-account-creation.handler';
import { CreateAccountRequestRepository } from './persistence/create-account-request.repository';
import { DelegatedAdministratorRepository } from './persistence/delegated-administrator.repository';
import { HandshakeRepository } from './persistence/handshake.repository';
import { OrganizationAccountRepository } from './persistence/organization-account.repository';
import { OrganizationDirectory } from './persistence/organization.directory';
import { OrganizationLocks } from './persistence/organization.locks';
import { OrganizationRepository } from './persistence/organization.repository';
import { OrganizationalUnitRepository } from './persistence/organizational-unit.repository';
import { ServiceAccessRepository } from './persistence/service-access.repository';
import { AcceptHandshakeUseCase } from './use-cases/accept-handshake.use-case';
import { CancelHandshakeUseCase } from './use-cases/cancel-handshake.use-case';
import { CompleteAccountCreationUseCase } from './use-cases/complete-account-creation.use-case';
import { CreateAccountUseCase } from './use-cases/create-account.use-case';
import { CreateOrganizationUseCase } from './use-cases/create-organization.use-case';
import { CreateOrganizationalUnitUseCase } from './use-cases/create-organizational-unit.use-case';
import { DeclineHandshakeUseCase } from './use-cases/decline-handshake.use-case';
import { DeleteOrganizationUseCase } from './use-cases/delete-organization.use-case';
import { DeregisterDelegatedAdministratorUseCase } from './use-cases/deregister-delegated-administrator.use-case';
import { DescribeAccountUseCase } from './use-cases/describe-account.use-case';
import { DescribeCreateAccountStatusUseCase } from './use-cases/describe-create-account-status.use-case';
import { DescribeHandshakeUseCase } from './use-cases/describe-handshake.use-case';
import { DescribeOrganizationUseCase } from './use-cases/describe-organization.use-case';
import { DescribeOrganizationalUnitUseCase } from './use-cases/describe-organizational-unit.use-case';
import { DisableAwsServiceAccessUseCase } from './use-cases/disable-aws-service-access.use-case';
import { EnableAllFeaturesUseCase } from './use-cases/enable-all-features.use-case';
import { EnableAwsServiceAccessUseCase } from './use-cases/enable-aws-service-access.use-case';
import { InviteAccountToOrganizationUseCase } from './use-cases/invite-account-to-organization.use-case';
import { LeaveOrganizationUseCase } from './use-cases/leave-organization.use-case';
import { ListAccountsForParentUseCase } from './use-cases/list-accounts-for-parent.use-case';
import { ListAccountsUseCase } from './use-cases/list-accounts.use-case';
import { ListAwsServiceAccessForOrganizationUseCase } from './use-cases/list-aws-service-access-for-organization.use-case';
import { ListCreateAccountStatusUseCase } from './use-cases/list-create-account-status.use-case';
import { ListDelegatedAdministratorsUseCase } from './use-cases/list-delegated-administrators.use-case';
import { ListDelegatedServicesForAccountUseCase } from './use-cases/list-delegated-services-for-account.use-case';
import { ListHandshakesForAccountUseCase } from './use-cases/list-handshakes-for-account.use-case';
import { ListOrganizationalUnitsForParentUseCase } from './use-cases/list-organizational-units-for-parent.use-case';
import { ListParentsUseCase } from './use-cases/list-parents.use-case';
import { ListRootsUseCase } from './use-cases/list-roots.use-case';
import { MoveAccountUseCase } from './use-cases/move-account.use-case';
import { OrganizationAccessService } from './use-cases/organization-access.service';
import { OrganizationsPager } from './use-cases/organizations.pager';
import { RegisterDelegatedAdministratorUseCase } from './use-cases/register-delegated-administrator.use-case';
import { RemoveAccountFromOrganizationUseCase } from './use-cases/remove-account-from-organization.use-case';
import { AccountClosureRepository } from './persistence/account-closure.repository';
import { OrganizationControlPolicySource } from './persistence/organization-policy.source';
import { OrganizationPolicyRepository } from './persistence/organization-policy.repository';
import { OrganizationTagRepository } from './persistence/organization-tag.repository';
import { PolicyAttachmentRepository } from './persistence/policy-attachment.repository';
import { PolicyTargetRepository } from './persistence/policy-target.repository';
import { PolicyTypeRepository } from './persistence/policy-type.repository';
import { ClosedAccountDeparturesTask } from './jobs/closed-account-departures.task';
import { AttachPolicyUseCase, DetachPolicyUseCase } from './use-cases/change-policy-attachment.use-case';
import { CloseAccountUseCase } from './use-cases/close-account.use-case';
import { CreatePolicyUseCase } from './use-cases/create-policy.use-case';
import { DeleteOrganizationalUnitUseCase } from './use-cases/delete-organizational-unit.use-case';
import { DeletePolicyUseCase } from './use-cases/delete-policy.use-case';
import { DescribePolicyUseCase } from './use-cases/describe-policy.use-case';
import { DisablePolicyTypeUseCase } from './use-cases/disable-policy-type.use-case';
import { EnablePolicyTypeUseCase } from './use-cases/enable-policy-type.use-case';
import { ListChildrenUseCase } from './use-cases/list-children.use-case';
import { ListPoliciesForTargetUseCase } from './use-cases/list-policies-for-target.use-case';
import { ListPoliciesUseCase } from './use-cases/list-policies.use-case';
import { ListTagsForResourceUseCase } from './use-cases/list-tags-for-resource.use-case';
import { ListTargetsForPolicyUseCase } from './use-cases/list-targets-for-policy.use-case';
import { OrganizationPolicyAccess } from './use-cases/organization-policy.access';
import { TagResourceUseCase, UntagResourceUseCase } from './use-cases/tag-resource.use-case';
import { TaggableResources } from './use-cases/taggable-resources';
import { UpdateOrganizationalUnitUseCase } from './use-cases/update-organizational-unit.use-case';
import { UpdatePolicyUseCase } from './use-cases/update-policy.use-case';

/** The operations the transports call (one use case each). */
const useCases = [
  CreateOrganizationUseCase,
  DescribeOrganizationUseCase,
  DeleteOrganizationUseCase,
  EnableAllFeaturesUseCase,
  CreateAccountUseCase,
  DescribeCreateAccountStatusUseCase,
  ListCreateAccountStatusUseCase,
  InviteAccountToOrganizationUseCase,
  AcceptHandshakeUseCase,
  DeclineHandshakeUseCase,
  CancelHandshakeUseCase,
  DescribeHandshakeUseCase,
  ListHandshakesForAccountUseCase,
  ListAccountsUseCase,
  ListAccountsForParentUseCase,
  DescribeAccountUseCase,
  RemoveAccountFromOrganizationUseCase,
  LeaveOrganizationUseCase,
  CloseAccountUseCase,
  ListRootsUseCase,
  CreateOrganizationalUnitUseCase,
  UpdateOrganizationalUnitUseCase,
  DeleteOrganizationalUnitUseCase,
  ListOrganizationalUnitsForParentUseCase,
  DescribeOrganizationalUnitUseCase,
  ListParentsUseCase,
  ListChildrenUseCase,
  MoveAccountUseCase,
  EnableAwsServiceAccessUseCase,
  DisableAwsServiceAccessUseCase,
  ListAwsServiceAccessForOrganizationUseCase,
  RegisterDelegatedAdministratorUseCase,
  DeregisterDelegatedAdministratorUseCase,
  ListDelegatedAdministratorsUseCase,
  ListDelegatedServicesForAccountUseCase,
];

/** Policies of every type and their types' lifecycle, tags, and authorization's view of an account's SCP and RCP paths. */
const policiesAndTags = [
  CreatePolicyUseCase,
  UpdatePolicyUseCase,
  DeletePolicyUseCase,
  DescribePolicyUseCase,
  AttachPolicyUseCase,
  DetachPolicyUseCase,
  ListPoliciesUseCase,
  ListPoliciesForTargetUseCase,
  ListTargetsForPolicyUseCase,
  EnablePolicyTypeUseCase,
  DisablePolicyTypeUseCase,
  TagResourceUseCase,
  UntagResourceUseCase,
  ListTagsForResourceUseCase,
  OrganizationControlPolicySource,
];

/**
 * AWS Organizations: the organization, its accounts, OUs, handshakes, trusted service access,
 * delegated administrators, policies and tags. Needs a `PageTokenCodec` provider from the application.
 */
@Module({
  imports: [AccountsModule, IamModule],
  providers: [
    OrganizationRepository,
    OrganizationAccountRepository,
    OrganizationalUnitRepository,
    CreateAccountRequestRepository,
    HandshakeRepository,
    ServiceAccessRepository,
    DelegatedAdministratorRepository,
    OrganizationLocks,
    OrganizationDirectory,
    OrganizationAccessService,
    OrganizationsPager,
    CompleteAccountCreationUseCase,
    CompleteAccountCreationHandler,
    ...useCases,
    OrganizationPolicyRepository,
    PolicyAttachmentRepository,
    PolicyTargetRepository,
    PolicyTypeRepository,
    OrganizationTagRepository,
    AccountClosureRepository,
    OrganizationPolicyAccess,
    TaggableResources,
    ClosedAccountDeparturesTask,
    ...policiesAndTags,
  ],
  exports: [OrganizationDirectory, ...useCases, ...policiesAndTags],
})
export class OrganizationsModule {}
