import { Module } from '@nestjs/common';
import { IdentityModule } from '@app/identity';
import { IamRoleRepository } from './persistence/iam-role.repository';
import { IamUserRepository } from './persistence/iam-user.repository';
import { IdentityPolicyRepository } from './persistence/identity-policy.repository';
import { InlinePolicyRepository } from './persistence/inline-policy.repository';
import { ManagedPolicyRepository } from './persistence/managed-policy.repository';
import { PolicyAttachmentRepository } from './persistence/policy-attachment.repository';
import { AssumeRoleUseCase } from './use-cases/assume-role.use-case';
import { AttachPrincipalPolicyUseCase } from './use-cases/attach-principal-policy.use-case';
import { CreateAccessKeyUseCase } from './use-cases/create-access-key.use-case';
import { CreatePolicyVersionUseCase } from './use-cases/create-policy-version.use-case';
import { CreatePolicyUseCase } from './use-cases/create-policy.use-case';
import { CreateRoleUseCase } from './use-cases/create-role.use-case';
import { CreateUserUseCase } from './use-cases/create-user.use-case';
import { DeleteAccessKeyUseCase } from './use-cases/delete-access-key.use-case';
import { DeletePolicyVersionUseCase } from './use-cases/delete-policy-version.use-case';
import { DeletePolicyUseCase } from './use-cases/delete-policy.use-case';
import { DeletePrincipalPolicyUseCase } from './use-cases/delete-principal-policy.use-case';
import { DeleteRoleUseCase } from './use-cases/delete-role.use-case';
import { DeleteUserUseCase } from './use-cases/delete-user.use-case';
import { DetachPrincipalPolicyUseCase } from './use-cases/detach-principal-policy.use-case';
import { GetCallerIdentityUseCase } from './use-cases/get-caller-identity.use-case';
import { GetSessionTokenUseCase } from './use-cases/get-session-token.use-case';
import { GetPolicyVersionUseCase } from './use-cases/get-policy-version.use-case';
import { GetPolicyUseCase } from './use-cases/get-policy.use-case';
import { GetPrincipalPolicyUseCase } from './use-cases/get-principal-policy.use-case';
import { GetRoleUseCase } from './use-cases/get-role.use-case';
import { GetUserUseCase } from './use-cases/get-user.use-case';
import { IamEntityLocator } from './use-cases/iam-entity.locator';
import { IamPager } from './use-cases/iam.pager';
import { ListAccessKeysUseCase } from './use-cases/list-access-keys.use-case';
import { ListAttachedPrincipalPoliciesUseCase } from './use-cases/list-attached-principal-policies.use-case';
import { ListPoliciesUseCase } from './use-cases/list-policies.use-case';
import { ListPolicyVersionsUseCase } from './use-cases/list-policy-versions.use-case';
import { ListPrincipalPoliciesUseCase } from './use-cases/list-principal-policies.use-case';
import { ListRolesUseCase } from './use-cases/list-roles.use-case';
import { ListUsersUseCase } from './use-cases/list-users.use-case';
import { PutPrincipalPolicyUseCase } from './use-cases/put-principal-policy.use-case';
import { SetDefaultPolicyVersionUseCase } from './use-cases/set-default-policy-version.use-case';

/** The operations the transports call (one use case each). */
const useCases = [
  CreateUserUseCase,
  GetUserUseCase,
  ListUsersUseCase,
  DeleteUserUseCase,
  CreateRoleUseCase,
  GetRoleUseCase,
  ListRolesUseCase,
  DeleteRoleUseCase,
  CreatePolicyUseCase,
  GetPolicyUseCase,
  ListPoliciesUseCase,
  DeletePolicyUseCase,
  CreatePolicyVersionUseCase,
  GetPolicyVersionUseCase,
  ListPolicyVersionsUseCase,
  DeletePolicyVersionUseCase,
  SetDefaultPolicyVersionUseCase,
  AttachPrincipalPolicyUseCase,
  DetachPrincipalPolicyUseCase,
  ListAttachedPrincipalPoliciesUseCase,
  PutPrincipalPolicyUseCase,
  GetPrincipalPolicyUseCase,
  DeletePrincipalPolicyUseCase,
  ListPrincipalPoliciesUseCase,
  CreateAccessKeyUseCase,
  DeleteAccessKeyUseCase,
  ListAccessKeysUseCase,
  AssumeRoleUseCase,
  GetCallerIdentityUseCase,
  GetSessionTokenUseCase,
];

const repositories = [
  IamUserRepository,
  IamRoleRepository,
  ManagedPolicyRepository,
  PolicyAttachmentRepository,
  InlinePolicyRepository,
  IdentityPolicyRepository,
];

/**
 * IAM and STS: users, roles, managed and inline policies, access keys, AssumeRole sessions. The
 * authorizer that applies their policies to every request is `AuthorizationModule`.
 */
@Module({
  imports: [IdentityModule],
  providers: [...repositories, IamEntityLocator, IamPager, ...useCases],
  exports: [...repositories, ...useCases],
})
export class IamModule {}
