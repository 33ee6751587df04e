import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { type PrincipalKind } from '../domain/managed-policy';
import { InlinePolicyRepository } from '../persistence/inline-policy.repository';
import { IamEntityLocator } from './iam-entity.locator';

/** ListUserPolicies / ListRolePolicies: the names of the inline policies. */
@Injectable()
export class ListPrincipalPoliciesUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly locate: IamEntityLocator,
    private readonly inline: InlinePolicyRepository,
  ) {}

  async execute(
    ctx: RequestContext,
    input: { kind: PrincipalKind; principalName: string },
  ): Promise<string[]> {
    return this.tx.read(async (em) =>
      this.inline.listNames(em, await this.locate.holder(em, ctx.accountId, input.kind, input.principalName)),
    );
  }
}
