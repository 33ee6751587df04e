import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { type PolicyVersionOutput, toPolicyVersionOutput } from '../domain/iam-outputs';
import { ManagedPolicyRepository } from '../persistence/managed-policy.repository';
import { IamEntityLocator } from './iam-entity.locator';

/** ListPolicyVersions: newest first (at most five, so one page). */
@Injectable()
export class ListPolicyVersionsUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly locate: IamEntityLocator,
    private readonly policies: ManagedPolicyRepository,
  ) {}

  async execute(ctx: RequestContext, input: { policyArn: string }): Promise<PolicyVersionOutput[]> {
    return this.tx.read(async (em) => {
      const policy = await this.locate.policy(em, ctx.accountId, ctx.partition, input.policyArn);
      return (await this.policies.listVersions(em, policy)).map(toPolicyVersionOutput);
    });
  }
}
