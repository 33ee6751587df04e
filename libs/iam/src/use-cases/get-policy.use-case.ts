import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { type PolicyOutput, toPolicyOutput } from '../domain/iam-outputs';
import { IamEntityLocator } from './iam-entity.locator';

/** GetPolicy: a customer managed policy of the caller, or an AWS managed one. */
@Injectable()
export class GetPolicyUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly locate: IamEntityLocator,
  ) {}

  async execute(ctx: RequestContext, input: { policyArn: string }): Promise<PolicyOutput> {
    return this.tx.read(async (em) =>
      toPolicyOutput(
        await this.locate.policy(em, ctx.accountId, ctx.partition, input.policyArn),
        ctx.partition,
      ),
    );
  }
}
