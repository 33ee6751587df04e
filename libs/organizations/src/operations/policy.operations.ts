import { defineOperation } from '@app/platform';
import { AttachPolicyUseCase, DetachPolicyUseCase } from '../use-cases/change-policy-attachment.use-case';
import { CreatePolicyUseCase } from '../use-cases/create-policy.use-case';
import { DeletePolicyUseCase } from '../use-cases/delete-policy.use-case';
import { DescribePolicyUseCase } from '../use-cases/describe-policy.use-case';
import { DisablePolicyTypeUseCase } from '../use-cases/disable-policy-type.use-case';
import { EnablePolicyTypeUseCase } from '../use-cases/enable-policy-type.use-case';
import { ListPoliciesForTargetUseCase } from '../use-cases/list-policies-for-target.use-case';
import { ListPoliciesUseCase } from '../use-cases/list-policies.use-case';
import { ListTargetsForPolicyUseCase } from '../use-cases/list-targets-for-policy.use-case';
import { UpdatePolicyUseCase } from '../use-cases/update-policy.use-case';
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
  useCase: CreatePolicyUseCase,
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
  resources: async (input, scope) => [await policyResource(scope, input.policyId)],
  useCase: DescribePolicyUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  errors: [...ORGANIZATION_ERRORS, 'PolicyNotFoundException'],
});

export const UpdatePolicy = defineOperation({
  service: 'organizations',
  name: 'UpdatePolicy',
  readOnly: false,
  input: UpdateOrganizationPolicyRequest,
  resources: async (input, scope) => [await policyResource(scope, input.policyId)],
  useCase: UpdatePolicyUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  responseElements: (policy) => ({ policy }),
  errors: [...ORGANIZATION_ERRORS, ...POLICY_CONTENT_ERRORS, 'PolicyNotFoundException'],
});

export const DeletePolicy = defineOperation({
  service: 'organizations',
  name: 'DeletePolicy',
  readOnly: false,
  input: PolicyIdRequest,
  resources: async (input, scope) => [await policyResource(scope, input.policyId)],
  useCase: DeletePolicyUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  errors: [...ORGANIZATION_ERRORS, 'PolicyNotFoundException', 'PolicyInUseException'],
});

export const AttachPolicy = defineOperation({
  service: 'organizations',
  name: 'AttachPolicy',
  readOnly: false,
  input: PolicyTargetRequest,
  resources: async (input, scope) => [
    await policyResource(scope, input.policyId),
    organizationNodeResource(scope, input.targetId),
  ],
  useCase: AttachPolicyUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  errors: [...POLICY_ATTACHMENT_ERRORS, 'DuplicatePolicyAttachmentException'],
});

export const DetachPolicy = defineOperation({
  ...AttachPolicy,
  name: 'DetachPolicy',
  useCase: DetachPolicyUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  errors: [...POLICY_ATTACHMENT_ERRORS, 'PolicyNotAttachedException'],
});

export const ListPolicies = defineOperation({
  service: 'organizations',
  name: 'ListPolicies',
  readOnly: true,
  input: ListOrganizationPoliciesRequest,
  useCase: ListPoliciesUseCase,
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
  resources: async (input, scope) => [await policyResource(scope, input.policyId)],
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
