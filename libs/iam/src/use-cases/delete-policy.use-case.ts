import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { DeleteConflictError } from '../domain/iam.errors';
import { ManagedPolicyRepository } from '../persistence/managed-policy.repository';
import { IamEntityLocator } from './iam-entity.locator';

/** DeletePolicy: a customer managed policy, once detached from everything and down to its default version. */
@Injectable()
export class DeletePolicyUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly locate: IamEntityLocator,
    private readonly policies: ManagedPolicyRepository,
  ) {}

  async execute(ctx: RequestContext, input: { policyArn: string }): Promise<void> {
    await this.tx.run(async (em) => {
      const policy = await this.locate.ownPolicy(em, ctx.accountId, ctx.partition, input.policyArn);
      if (policy.attachmentCount > 0)
        throw new DeleteConflictError('Cannot delete a policy attached to entities.');
      if ((await this.policies.listVersions(em, policy)).length > 1) {
        throw new DeleteConflictError(
          "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.",
        );
      }
      await this.policies.delete(em, policy.id);
    });
  }
}
