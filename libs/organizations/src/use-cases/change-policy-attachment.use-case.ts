import { Injectable } from '@nestjs/common';
import { Clock, type RequestContext, TransactionRunner } from '@app/platform';
import {
  assertPolicyId,
  attachmentsAfterAttach,
  attachmentsAfterDetach,
} from '../domain/service-control-policy';
import { ScpAttachmentRepository } from '../persistence/scp-attachment.repository';
import { OrganizationAccessService } from './organization-access.service';
import { ServiceControlPolicyAccess } from './service-control-policy.access';

export interface ServiceControlPolicyTargetInput {
  policyId: string;
  targetId: string;
}

/**
 * AttachPolicy and DetachPolicy share every step but the rule that computes a target's new set of
 * policies. The organization lock serialises changes, so the rules' limits hold under concurrency.
 */
@Injectable()
abstract class ChangeServiceControlPolicyAttachment {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: OrganizationAccessService,
    private readonly scps: ServiceControlPolicyAccess,
    private readonly attachments: ScpAttachmentRepository,
    private readonly clock: Clock,
  ) {}

  protected abstract attachmentsAfter(attached: readonly string[], policyId: string): string[];

  async execute(ctx: RequestContext, input: ServiceControlPolicyTargetInput): Promise<void> {
    assertPolicyId(input.policyId);
    await this.tx.run(async (em) => {
      const org = await this.access.lockedForChange(em, ctx.accountId);
      const policy = await this.scps.policy(em, org, input.policyId);
      const target = await this.scps.target(em, org, input.targetId, ctx.partition);
      await this.scps.assertEnabled(em, org);
      const attached =
        (await this.attachments.forTargets(em, org.id, [target.targetId])).get(target.targetId) ?? [];
      await this.attachments.replace(
        em,
        org.id,
        { id: target.targetId, type: target.type },
        this.attachmentsAfter(attached, policy.id),
        this.clock.now(),
      );
    });
  }
}

/** Organizations AttachPolicy (management account only): at most five SCPs per root, OU or account. */
@Injectable()
export class AttachServiceControlPolicyUseCase extends ChangeServiceControlPolicyAttachment {
  protected attachmentsAfter(attached: readonly string[], policyId: string): string[] {
    return attachmentsAfterAttach(attached, policyId);
  }
}

/** Organizations DetachPolicy (management account only): a target keeps at least one SCP. */
@Injectable()
export class DetachServiceControlPolicyUseCase extends ChangeServiceControlPolicyAttachment {
  protected attachmentsAfter(attached: readonly string[], policyId: string): string[] {
    return attachmentsAfterDetach(attached, policyId);
  }
}
