import { Injectable } from '@nestjs/common';
import { POLICY_SIZE_LIMITS } from '@app/policy';
import { Clock, type RequestContext, TransactionRunner } from '@app/platform';
import { LimitExceededError } from '../domain/iam.errors';
import { assertPolicyName } from '../domain/iam-names';
import { type PrincipalKind } from '../domain/managed-policy';
import { checkPolicyDocument } from '../domain/policy-documents';
import { InlinePolicyRepository } from '../persistence/inline-policy.repository';
import { IamEntityLocator } from './iam-entity.locator';

export interface PutPrincipalPolicyInput {
  kind: PrincipalKind;
  principalName: string;
  policyName: string;
  policyDocument: string;
}

const LIMITS = {
  user: POLICY_SIZE_LIMITS.inlineUserPolicy,
  role: POLICY_SIZE_LIMITS.inlineRolePolicy,
} as const;

/**
 * PutUserPolicy / PutRolePolicy: creates or replaces an inline policy. A user's inline policies
 * together hold at most 2,048 characters, a role's 10,240 (LimitExceeded); nothing is stored on error.
 */
@Injectable()
export class PutPrincipalPolicyUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly locate: IamEntityLocator,
    private readonly inline: InlinePolicyRepository,
    private readonly clock: Clock,
  ) {}

  async execute(ctx: RequestContext, input: PutPrincipalPolicyInput): Promise<void> {
    assertPolicyName(input.policyName);
    const limit = LIMITS[input.kind];
    const document = checkPolicyDocument(input.policyDocument, 'identity', limit);
    await this.tx.run(async (em) => {
      const holder = await this.locate.holder(em, ctx.accountId, input.kind, input.principalName, {
        forUpdate: true,
      });
      let total = document.length;
      for (const name of await this.inline.listNames(em, holder)) {
        if (name !== input.policyName) total += (await this.inline.find(em, holder, name))?.length ?? 0;
      }
      if (total > limit.maxCharacters) {
        throw new LimitExceededError(
          `Maximum policy size of ${limit.maxCharacters} bytes exceeded for ${input.kind} ${holder.name}`,
        );
      }
      await this.inline.put(em, holder, input.policyName, document, this.clock.now());
    });
  }
}
