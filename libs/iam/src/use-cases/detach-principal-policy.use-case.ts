import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { NoSuchEntityError } from '../domain/iam.errors';
import { PolicyAttachmentRepository } from '../persistence/policy-attachment.repository';
import { type PrincipalPolicyInput } from './attach-principal-policy.use-case';
import { IamEntityLocator } from './iam-entity.locator';

/** DetachUserPolicy / DetachRolePolicy: NoSuchEntity when the policy is not attached. */
@Injectable()
export class DetachPrincipalPolicyUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly locate: IamEntityLocator,
    private readonly attachments: PolicyAttachmentRepository,
  ) {}

  async execute(ctx: RequestContext, input: PrincipalPolicyInput): Promise<void> {
    await this.tx.run(async (em) => {
      const holder = await this.locate.holder(em, ctx.accountId, input.kind, input.principalName, {
        forUpdate: true,
      });
      const policy = await this.locate.policy(em, ctx.accountId, ctx.partition, input.policyArn);
      if (!(await this.attachments.detach(em, holder, policy.id))) {
        throw new NoSuchEntityError(`Policy ${input.policyArn} was not found.`);
      }
    });
  }
}
