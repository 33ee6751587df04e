import { type OrganizationRef, policyArn } from './domain/organization-policy';
import { SERVICE_CONTROL_POLICY } from './domain/policy-types';

/*
 * The names the current transports (apps/api) import for the policy operations, which now serve
 * every policy type. They stay while the HTTP layer is rewritten into one definition per operation;
 * that rewrite imports the names on the right, and this file goes with it.
 */
export {
  AttachPolicyUseCase as AttachServiceControlPolicyUseCase,
  DetachPolicyUseCase as DetachServiceControlPolicyUseCase,
} from './use-cases/change-policy-attachment.use-case';
export { CreatePolicyUseCase as CreateServiceControlPolicyUseCase } from './use-cases/create-policy.use-case';
export { DeletePolicyUseCase as DeleteServiceControlPolicyUseCase } from './use-cases/delete-policy.use-case';
export { DescribePolicyUseCase as DescribeServiceControlPolicyUseCase } from './use-cases/describe-policy.use-case';
export { ListPoliciesUseCase as ListServiceControlPoliciesUseCase } from './use-cases/list-policies.use-case';
export { UpdatePolicyUseCase as UpdateServiceControlPolicyUseCase } from './use-cases/update-policy.use-case';
export { OrganizationControlPolicySource as OrganizationScpSource } from './persistence/organization-policy.source';
export { type OrganizationPolicy as ServiceControlPolicy } from './domain/organization-policy';

/**
 * An SCP's ARN from its id alone, as the transports' authorization table builds it. Policies of the
 * other types carry their type in the ARN: `OrganizationDirectory.policyType` tells it.
 */
export function serviceControlPolicyArn(
  partition: string,
  managementAccountId: string,
  organizationId: string,
  policy: { readonly id: string; readonly organizationId: string | null },
): string {
  const org: OrganizationRef = { id: organizationId, managementAccountId };
  return policyArn(partition, org, { ...policy, type: SERVICE_CONTROL_POLICY });
}
