import { Injectable } from '@nestjs/common';
import { Clock, type RequestContext, TransactionRunner } from '@app/platform';
import { assertPolicyId, attachmentsAfterAttach } from '../domain/service-control-policy';
import { ScpAttachmentRepository } from '../persistence/scp-attachment.repository';
import { OrganizationAccessService } from './organization-access.service';
import { ServiceControlPolicyAccess } from './service-control-policy.access';

export interface ServiceControlPolicyTargetInput {
  policyId: string;
  targetId: string;
}

/**
 * Organizations AttachPolicy (management account only): at most five SCPs per root, OU or account.
 * The organization lock serialises attachments, so the limit holds under concurrency.
 */
@Injectable()
export class AttachServiceControlPolicyUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: OrganizationAccessService,
    private readonly scps: ServiceControlPolicyAccess,
    private readonly attachments: ScpAttachmentRepository,
    private readonly clock: Clock,
  ) {}

  async execute(ctx: RequestContext, input: ServiceControlPolicyTargetInput): Promise<void> {
    assertPolicyId(input.policyId);
    await this.tx.run(async (em) => {
      const org = await this.access.lockedForChange(em, ctx.accountId);
      const policy = await this.scps.policy(em, org, input.policyId);
      const target = await this.scps.target(em, org, input.targetId, ctx.partition);
      await this.scps.assertEnabled(em, org);
      const attached =
        (await this.attachments.forTargets(em, org.id, [target.targetId])).get(target.targetId) ?? [];
      const next = attachmentsAfterAttach(attached, policy.id);
      await this.attachments.replace(
        em,
        org.id,
        { id: target.targetId, type: target.type },
        next,
        this.clock.now(),
      );
    });
  }
}
