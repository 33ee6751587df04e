import { Injectable } from '@nestjs/common';
import { Clock, type RequestContext, TransactionRunner } from '@app/platform';
import { assertPolicyId } from '../domain/organization-policy';
import { attachmentsAfterAttach, attachmentsAfterDetach } from '../domain/policy-attachments';
import { type PolicyType } from '../domain/policy-types';
import { PolicyAttachmentRepository } from '../persistence/policy-attachment.repository';
import { OrganizationAccessService } from './organization-access.service';
import { OrganizationPolicyAccess } from './organization-policy.access';

export interface PolicyTargetInput {
  policyId: string;
  /** A root (`r-…`), an OU (`ou-…-…`) or an account (12 digits). */
  targetId: string;
}

/**
 * AttachPolicy and DetachPolicy share every step but the rule that computes a target's new set of
 * policies of the policy's type. The organization lock serialises changes, so the rules' limits
 * hold under concurrency.
 */
@Injectable()
abstract class ChangePolicyAttachment {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: OrganizationAccessService,
    private readonly policies: OrganizationPolicyAccess,
    private readonly attachments: PolicyAttachmentRepository,
    private readonly clock: Clock,
  ) {}

  protected abstract attachmentsAfter(
    type: PolicyType,
    attached: readonly string[],
    policyId: string,
  ): string[];

  async execute(ctx: RequestContext, input: PolicyTargetInput): Promise<void> {
    assertPolicyId(input.policyId);
    await this.tx.run(async (em) => {
      const org = await this.access.lockedForChange(em, ctx.accountId);
      const policy = await this.policies.policy(em, org, input.policyId);
      const target = await this.policies.target(em, org, input.targetId, ctx.partition);
      await this.policies.assertEnabled(em, org, policy.type);
      const attached = await this.attachments.of(em, org.id, policy.type, target.targetId);
      await this.attachments.replace(
        em,
        org.id,
        policy.type,
        { id: target.targetId, type: target.type },
        this.attachmentsAfter(policy.type, attached, policy.id),
        this.clock.now(),
      );
    });
  }
}

/**
 * Organizations AttachPolicy (management account only), for a type enabled on the root: at most
 * five SCPs or RCPs per root, OU or account (ten or five of the management types).
 */
@Injectable()
export class AttachPolicyUseCase extends ChangePolicyAttachment {
  protected attachmentsAfter(type: PolicyType, attached: readonly string[], policyId: string): string[] {
    return attachmentsAfterAttach(type, attached, policyId);
  }
}

/**
 * Organizations DetachPolicy (management account only): a target keeps at least one SCP, and
 * RCPFullAWSAccess stays.
 */
@Injectable()
export class DetachPolicyUseCase extends ChangePolicyAttachment {
  protected attachmentsAfter(type: PolicyType, attached: readonly string[], policyId: string): string[] {
    return attachmentsAfterDetach(type, attached, policyId);
  }
}
