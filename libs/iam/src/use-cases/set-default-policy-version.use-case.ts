import { Injectable } from '@nestjs/common';
import { Clock, type RequestContext, TransactionRunner } from '@app/platform';
import { NoSuchEntityError } from '../domain/iam.errors';
import { ManagedPolicyRepository } from '../persistence/managed-policy.repository';
import { IamEntityLocator } from './iam-entity.locator';
import { assertVersionId } from './policy-versions';

/** SetDefaultPolicyVersion: the version that applies to every user and role the policy is attached to. */
@Injectable()
export class SetDefaultPolicyVersionUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly locate: IamEntityLocator,
    private readonly policies: ManagedPolicyRepository,
    private readonly clock: Clock,
  ) {}

  async execute(ctx: RequestContext, input: { policyArn: string; versionId: string }): Promise<void> {
    assertVersionId(input.versionId);
    await this.tx.run(async (em) => {
      const policy = await this.locate.ownPolicy(em, ctx.accountId, ctx.partition, input.policyArn);
      if (!(await this.policies.findVersion(em, policy, input.versionId))) {
        throw new NoSuchEntityError(`Policy ${input.policyArn} version ${input.versionId} does not exist.`);
      }
      await this.policies.update(em, policy.id, { defaultVersionId: input.versionId }, this.clock.now());
    });
  }
}
