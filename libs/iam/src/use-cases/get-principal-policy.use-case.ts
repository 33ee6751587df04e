import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { NoSuchEntityError } from '../domain/iam.errors';
import { type PrincipalKind } from '../domain/managed-policy';
import { InlinePolicyRepository } from '../persistence/inline-policy.repository';
import { IamEntityLocator } from './iam-entity.locator';

export interface PrincipalPolicyNameInput {
  kind: PrincipalKind;
  principalName: string;
  policyName: string;
}

export interface InlinePolicyOutput {
  readonly principalName: string;
  readonly policyName: string;
  readonly policyDocument: string;
}

/** The NoSuchEntity of a missing inline policy, worded as IAM words it. */
export function missingInlinePolicy(input: PrincipalPolicyNameInput): NoSuchEntityError {
  return new NoSuchEntityError(`The ${input.kind} policy with name ${input.policyName} cannot be found.`);
}

/** GetUserPolicy / GetRolePolicy. */
@Injectable()
export class GetPrincipalPolicyUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly locate: IamEntityLocator,
    private readonly inline: InlinePolicyRepository,
  ) {}

  async execute(ctx: RequestContext, input: PrincipalPolicyNameInput): Promise<InlinePolicyOutput> {
    return this.tx.read(async (em) => {
      const holder = await this.locate.holder(em, ctx.accountId, input.kind, input.principalName);
      const document = await this.inline.find(em, holder, input.policyName);
      if (document === undefined) throw missingInlinePolicy(input);
      return { principalName: holder.name, policyName: input.policyName, policyDocument: document };
    });
  }
}
