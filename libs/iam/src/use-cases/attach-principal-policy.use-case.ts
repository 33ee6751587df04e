import { Injectable } from '@nestjs/common';
import { Clock, type RequestContext, TransactionRunner } from '@app/platform';
import { LimitExceededError } from '../domain/iam.errors';
import { IAM_QUOTAS } from '../domain/iam-limits';
import { type PrincipalKind } from '../domain/managed-policy';
import { PolicyAttachmentRepository } from '../persistence/policy-attachment.repository';
import { IamEntityLocator } from './iam-entity.locator';

export interface PrincipalPolicyInput {
  /** `user` (AttachUserPolicy) or `role` (AttachRolePolicy). */
  kind: PrincipalKind;
  principalName: string;
  policyArn: string;
}

const QUOTA_NAMES: Readonly<Record<PrincipalKind, string>> = {
  user: 'PoliciesPerUser',
  role: 'PoliciesPerRole',
};

/**
 * AttachUserPolicy / AttachRolePolicy: at most ten managed policies per user or role (LimitExceeded);
 * attaching an attached policy again changes nothing. The holder's row lock serialises the quota.
 */
@Injectable()
export class AttachPrincipalPolicyUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly locate: IamEntityLocator,
    private readonly attachments: PolicyAttachmentRepository,
    private readonly clock: Clock,
  ) {}

  async execute(ctx: RequestContext, input: PrincipalPolicyInput): Promise<void> {
    await this.tx.run(async (em) => {
      const holder = await this.locate.holder(em, ctx.accountId, input.kind, input.principalName, {
        forUpdate: true,
      });
      const policy = await this.locate.policy(em, ctx.accountId, ctx.partition, input.policyArn, {
        wording: 'not-attachable',
      });
      const attached = await this.attachments.listForHolder(em, holder);
      if (attached.some((existing) => existing.policyId === policy.id)) return;
      if (attached.length >= IAM_QUOTAS.managedPoliciesPerPrincipal) {
        throw new LimitExceededError(
          `Cannot exceed quota for ${QUOTA_NAMES[input.kind]}: ${IAM_QUOTAS.managedPoliciesPerPrincipal}`,
        );
      }
      await this.attachments.attach(em, holder, policy.id, this.clock.now());
    });
  }
}
