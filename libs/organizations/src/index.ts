export * from './domain/create-account';
export * from './domain/delegated-administrator-rules';
export * from './domain/handshake';
export * from './domain/organization';
export * from './domain/organization-arns';
export * from './domain/organization-ids';
export * from './domain/organization.errors';
export * from './domain/service-principals';
export * from './persistence/organization.directory';
export * from './persistence/organization-membership.sql';
export * from './use-cases/accept-handshake.use-case';
export * from './use-cases/cancel-handshake.use-case';
export * from './use-cases/create-account.use-case';
export * from './use-cases/create-organization.use-case';
export * from './use-cases/create-organizational-unit.use-case';
export * from './use-cases/decline-handshake.use-case';
export * from './use-cases/delete-organization.use-case';
export * from './use-cases/deregister-delegated-administrator.use-case';
export * from './use-cases/describe-account.use-case';
export * from './use-cases/describe-create-account-status.use-case';
export * from './use-cases/describe-handshake.use-case';
export * from './use-cases/describe-organization.use-case';
export * from './use-cases/describe-organizational-unit.use-case';
export * from './use-cases/disable-aws-service-access.use-case';
export * from './use-cases/enable-all-features.use-case';
export * from './use-cases/enable-aws-service-access.use-case';
export * from './use-cases/invite-account-to-organization.use-case';
export * from './use-cases/leave-organization.use-case';
export * from './use-cases/list-accounts-for-parent.use-case';
export * from './use-cases/list-accounts.use-case';
export * from './use-cases/list-aws-service-access-for-organization.use-case';
export * from './use-cases/list-create-account-status.use-case';
export * from './use-cases/list-delegated-administrators.use-case';
export * from './use-cases/list-delegated-services-for-account.use-case';
export * from './use-cases/list-handshakes-for-account.use-case';
export * from './use-cases/list-organizational-units-for-parent.use-case';
export * from './use-cases/list-parents.use-case';
export * from './use-cases/list-roots.use-case';
export * from './use-cases/move-account.use-case';
export * from './use-cases/register-delegated-administrator.use-case';
export * from './use-cases/remove-account-from-organization.use-case';
export * from './organizations.module';
export * from './operations';
export * from './domain/account-closure';
export * from './domain/organization-children';
export * from './domain/organization-policy';
export * from './domain/organization-policy.errors';
export * from './domain/organization-tags';
export * from './domain/policy-attachments';
export * from './domain/policy-content';
export * from './domain/policy-types';
export * from './jobs/closed-account-departures.task';
export * from './persistence/organization-policy.source';
export * from './use-cases/change-policy-attachment.use-case';
export * from './use-cases/close-account.use-case';
export * from './use-cases/create-policy.use-case';
export * from './use-cases/delete-organizational-unit.use-case';
export * from './use-cases/delete-policy.use-case';
export * from './use-cases/describe-policy.use-case';
export * from './use-cases/disable-policy-type.use-case';
export * from './use-cases/enable-policy-type.use-case';
export * from './use-cases/list-children.use-case';
export * from './use-cases/list-policies-for-target.use-case';
export * from './use-cases/list-policies.use-case';
export * from './use-cases/list-tags-for-resource.use-case';
export * from './use-cases/list-targets-for-policy.use-case';
export * from './use-cases/tag-resource.use-case';
export * from './use-cases/update-organizational-unit.use-case';
export * from './use-cases/update-policy.use-case';

import { CreateAccountRequestEntity } from './persistence/create-account-request.entity';
import { DelegatedAdministratorEntity } from './persistence/delegated-administrator.entity';
import { HandshakeEntity } from './persistence/handshake.entity';
import { OrganizationAccountEntity } from './persistence/organization-account.entity';
import { OrganizationEntity } from './persistence/organization.entity';
import { OrganizationServiceAccessEntity } from './persistence/organization-service-access.entity';
import { OrganizationalUnitEntity } from './persistence/organizational-unit.entity';
export const ORGANIZATION_ENTITIES = [
  OrganizationEntity,
  OrganizationalUnitEntity,
  OrganizationAccountEntity,
  CreateAccountRequestEntity,
  HandshakeEntity,
  OrganizationServiceAccessEntity,
  DelegatedAdministratorEntity,
];
