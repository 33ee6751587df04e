import { Injectable } from '@nestjs/common';
import { POLICY_SIZE_LIMITS } from '@app/policy';
import { Clock, type RequestContext, TransactionRunner } from '@app/platform';
import { assertDescription, assertPolicyName, normalizePath } from '../domain/iam-names';
import { type PolicyOutput, toPolicyOutput } from '../domain/iam-outputs';
import { checkPolicyDocument } from '../domain/policy-documents';
import { ManagedPolicyRepository } from '../persistence/managed-policy.repository';

export interface CreatePolicyInput {
  policyName: string;
  policyDocument: string;
  path?: string;
  description?: string;
}

/** CreatePolicy: a customer managed policy with its first version `v1`; nothing is stored on error. */
@Injectable()
export class CreatePolicyUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly policies: ManagedPolicyRepository,
    private readonly clock: Clock,
  ) {}

  async execute(ctx: RequestContext, input: CreatePolicyInput): Promise<PolicyOutput> {
    assertPolicyName(input.policyName);
    assertDescription(input.description);
    const policy = {
      accountId: ctx.accountId,
      name: input.policyName,
      path: normalizePath(input.path),
      ...(input.description === undefined ? {} : { description: input.description }),
      document: checkPolicyDocument(input.policyDocument, 'identity', POLICY_SIZE_LIMITS.managedPolicy),
    };
    return this.tx.run(async (em) =>
      toPolicyOutput(await this.policies.insert(em, policy, this.clock.now()), ctx.partition),
    );
  }
}
