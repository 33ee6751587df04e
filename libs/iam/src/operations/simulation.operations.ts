import { defineOperation } from '@app/platform';
import { SimulateCustomPolicyUseCase } from '../authorization/simulate-custom-policy.use-case';
import { SimulatePrincipalPolicyUseCase } from '../authorization/simulate-principal-policy.use-case';
import { iamArnResource } from './iam-resources';
import { SimulateCustomPolicyRequest, SimulatePrincipalPolicyRequest } from './iam.requests';

/** Replays one iam.md §8 case (policies given inline) on the engine that decides real requests. */
export const SimulateCustomPolicy = defineOperation({
  service: 'iam',
  name: 'SimulateCustomPolicy',
  readOnly: true,
  input: SimulateCustomPolicyRequest,
  useCase: SimulateCustomPolicyUseCase,
  run: (useCase, _ctx, input) => useCase.execute(input),
  errors: ['ValidationError', 'MalformedPolicyDocument'],
});

/** Like IAM's SimulatePrincipalPolicy: a decision per (action, resource) for a user or role of the account. */
export const SimulatePrincipalPolicy = defineOperation({
  service: 'iam',
  name: 'SimulatePrincipalPolicy',
  readOnly: true,
  input: SimulatePrincipalPolicyRequest,
  resources: (input, scope) => [iamArnResource(scope, input.policySourceArn)],
  useCase: SimulatePrincipalPolicyUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  errors: ['ValidationError', 'NoSuchEntity'],
});
