import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { DeleteConflictError, NoSuchEntityError } from '../domain/iam.errors';
import { ManagedPolicyRepository } from '../persistence/managed-policy.repository';
import { IamEntityLocator } from './iam-entity.locator';
import { assertVersionId } from './policy-versions';

/** DeletePolicyVersion: any version but the default. */
@Injectable()
export class DeletePolicyVersionUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly locate: IamEntityLocator,
    private readonly policies: ManagedPolicyRepository,
  ) {}

  async execute(ctx: RequestContext, input: { policyArn: string; versionId: string }): Promise<void> {
    assertVersionId(input.versionId);
    await this.tx.run(async (em) => {
      const policy = await this.locate.ownPolicy(em, ctx.accountId, ctx.partition, input.policyArn);
      if (!(await this.policies.findVersion(em, policy, input.versionId))) {
        throw new NoSuchEntityError(`Policy ${input.policyArn} version ${input.versionId} does not exist.`);
      }
      if (policy.defaultVersionId === input.versionId) {
        throw new DeleteConflictError('Cannot delete the default version of a policy.');
      }
      await this.policies.deleteVersion(em, policy.id, input.versionId);
    });
  }
}
