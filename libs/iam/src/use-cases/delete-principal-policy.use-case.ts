import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { InlinePolicyRepository } from '../persistence/inline-policy.repository';
import { missingInlinePolicy, type PrincipalPolicyNameInput } from './get-principal-policy.use-case';
import { IamEntityLocator } from './iam-entity.locator';

/** DeleteUserPolicy / DeleteRolePolicy. */
@Injectable()
export class DeletePrincipalPolicyUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly locate: IamEntityLocator,
    private readonly inline: InlinePolicyRepository,
  ) {}

  async execute(ctx: RequestContext, input: PrincipalPolicyNameInput): Promise<void> {
    await this.tx.run(async (em) => {
      const holder = await this.locate.holder(em, ctx.accountId, input.kind, input.principalName, {
        forUpdate: true,
      });
      if (!(await this.inline.delete(em, holder, input.policyName))) throw missingInlinePolicy(input);
    });
  }
}
