import { defineOperation } from '@app/platform';
import {
  AttachServiceControlPolicyUseCase,
  DetachServiceControlPolicyUseCase,
} from '../use-cases/change-service-control-policy-attachment.use-case';
import { CreateServiceControlPolicyUseCase } from '../use-cases/create-service-control-policy.use-case';
import { DeleteServiceControlPolicyUseCase } from '../use-cases/delete-service-control-policy.use-case';
import { DescribeServiceControlPolicyUseCase } from '../use-cases/describe-service-control-policy.use-case';
import { DisablePolicyTypeUseCase } from '../use-cases/disable-policy-type.use-case';
import { EnablePolicyTypeUseCase } from '../use-cases/enable-policy-type.use-case';
import { ListPoliciesForTargetUseCase } from '../use-cases/list-policies-for-target.use-case';
import { ListServiceControlPoliciesUseCase } from '../use-cases/list-service-control-policies.use-case';
import { ListTargetsForPolicyUseCase } from '../use-cases/list-targets-for-policy.use-case';
import { UpdateServiceControlPolicyUseCase } from '../use-cases/update-service-control-policy.use-case';
import { organizationNodeResource, policyResource } from './organization-resources';
import {
  CreateOrganizationPolicyRequest,
  ListPoliciesForTargetRequest,
  ListOrganizationPoliciesRequest,
  ListTargetsForPolicyRequest,
  PolicyIdRequest,
  PolicyTargetRequest,
  PolicyTypeRequest,
  UpdateOrganizationPolicyRequest,
} from './organization.requests';
import { ORGANIZATION_ERRORS, POLICY_ATTACHMENT_ERRORS, POLICY_CONTENT_ERRORS } from './organization-errors';

/** Organization policies: created, attached to roots, OUs and accounts, and their types enabled. */

export const CreatePolicy = defineOperation({
  service: 'organizations',
  name: 'CreatePolicy',
  readOnly: false,
  input: CreateOrganizationPolicyRequest,
  useCase: CreateServiceControlPolicyUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  responseElements: (policy) => ({ policy }),
  errors: [
    ...ORGANIZATION_ERRORS,
    ...POLICY_CONTENT_ERRORS,
    'PolicyTypeNotAvailableForOrganizationException',
  ],
});

export const DescribePolicy = defineOperation({
  service: 'organizations',
  name: 'DescribePolicy',
  readOnly: true,
  input: PolicyIdRequest,
  resources: (input, scope) => [policyResource(scope, input.policyId)],
  useCase: DescribeServiceControlPolicyUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  errors: [...ORGANIZATION_ERRORS, 'PolicyNotFoundException'],
});

export const UpdatePolicy = defineOperation({
  service: 'organizations',
  name: 'UpdatePolicy',
  readOnly: false,
  input: UpdateOrganizationPolicyRequest,
  resources: (input, scope) => [policyResource(scope, input.policyId)],
  useCase: UpdateServiceControlPolicyUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  responseElements: (policy) => ({ policy }),
  errors: [...ORGANIZATION_ERRORS, ...POLICY_CONTENT_ERRORS, 'PolicyNotFoundException'],
});

export const DeletePolicy = defineOperation({
  service: 'organizations',
  name: 'DeletePolicy',
  readOnly: false,
  input: PolicyIdRequest,
  resources: (input, scope) => [policyResource(scope, input.policyId)],
  useCase: DeleteServiceControlPolicyUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  errors: [...ORGANIZATION_ERRORS, 'PolicyNotFoundException', 'PolicyInUseException'],
});

export const AttachPolicy = defineOperation({
  service: 'organizations',
  name: 'AttachPolicy',
  readOnly: false,
  input: PolicyTargetRequest,
  resources: (input, scope) => [
    policyResource(scope, input.policyId),
    organizationNodeResource(scope, input.targetId),
  ],
  useCase: AttachServiceControlPolicyUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  errors: [...POLICY_ATTACHMENT_ERRORS, 'DuplicatePolicyAttachmentException'],
});

export const DetachPolicy = defineOperation({
  ...AttachPolicy,
  name: 'DetachPolicy',
  useCase: DetachServiceControlPolicyUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  errors: [...POLICY_ATTACHMENT_ERRORS, 'PolicyNotAttachedException'],
});

export const ListPolicies = defineOperation({
  service: 'organizations',
  name: 'ListPolicies',
  readOnly: true,
  input: ListOrganizationPoliciesRequest,
  useCase: ListServiceControlPoliciesUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  eventResources: 'none',
  errors: ORGANIZATION_ERRORS,
});

export const ListPoliciesForTarget = defineOperation({
  service: 'organizations',
  name: 'ListPoliciesForTarget',
  readOnly: true,
  input: ListPoliciesForTargetRequest,
  resources: (input, scope) => [organizationNodeResource(scope, input.targetId)],
  useCase: ListPoliciesForTargetUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  eventResources: 'none',
  errors: [...ORGANIZATION_ERRORS, 'TargetNotFoundException'],
});

export const ListTargetsForPolicy = defineOperation({
  service: 'organizations',
  name: 'ListTargetsForPolicy',
  readOnly: true,
  input: ListTargetsForPolicyRequest,
  resources: (input, scope) => [policyResource(scope, input.policyId)],
  useCase: ListTargetsForPolicyUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  eventResources: 'none',
  errors: [...ORGANIZATION_ERRORS, 'PolicyNotFoundException'],
});

export const EnablePolicyType = defineOperation({
  service: 'organizations',
  name: 'EnablePolicyType',
  readOnly: false,
  input: PolicyTypeRequest,
  resources: (input, scope) => [organizationNodeResource(scope, input.rootId)],
  useCase: EnablePolicyTypeUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  responseElements: (root) => ({ root }),
  errors: [
    ...ORGANIZATION_ERRORS,
    'RootNotFoundException',
    'PolicyTypeNotAvailableForOrganizationException',
    'PolicyTypeAlreadyEnabledException',
  ],
});

export const DisablePolicyType = defineOperation({
  ...EnablePolicyType,
  name: 'DisablePolicyType',
  useCase: DisablePolicyTypeUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  errors: [...ORGANIZATION_ERRORS, 'RootNotFoundException', 'PolicyTypeNotEnabledException'],
});
