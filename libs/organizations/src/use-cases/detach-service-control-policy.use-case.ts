import { Injectable } from '@nestjs/common';
import { Clock, type RequestContext, TransactionRunner } from '@app/platform';
import { assertPolicyId, attachmentsAfterDetach } from '../domain/service-control-policy';
import { ScpAttachmentRepository } from '../persistence/scp-attachment.repository';
import { type ServiceControlPolicyTargetInput } from './attach-service-control-policy.use-case';
import { OrganizationAccessService } from './organization-access.service';
import { ServiceControlPolicyAccess } from './service-control-policy.access';

/** Organizations DetachPolicy (management account only): a target keeps at least one SCP. */
@Injectable()
export class DetachServiceControlPolicyUseCase {
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
      const next = attachmentsAfterDetach(attached, policy.id);
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
