import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { NoSuchEntityError } from '../domain/iam.errors';
import { type PolicyVersionOutput, toPolicyVersionOutput } from '../domain/iam-outputs';
import { ManagedPolicyRepository } from '../persistence/managed-policy.repository';
import { IamEntityLocator } from './iam-entity.locator';
import { assertVersionId } from './policy-versions';

/** GetPolicyVersion: one version's document. */
@Injectable()
export class GetPolicyVersionUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly locate: IamEntityLocator,
    private readonly policies: ManagedPolicyRepository,
  ) {}

  async execute(
    ctx: RequestContext,
    input: { policyArn: string; versionId: string },
  ): Promise<PolicyVersionOutput> {
    assertVersionId(input.versionId);
    return this.tx.read(async (em) => {
      const policy = await this.locate.policy(em, ctx.accountId, ctx.partition, input.policyArn);
      const version = await this.policies.findVersion(em, policy, input.versionId);
      if (!version)
        throw new NoSuchEntityError(`Policy ${input.policyArn} version ${input.versionId} does not exist.`);
      return toPolicyVersionOutput(version);
    });
  }
}
