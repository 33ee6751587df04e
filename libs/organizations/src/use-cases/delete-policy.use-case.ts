import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { assertPolicyId } from '../domain/service-control-policy';
import { AwsManagedPolicyError, PolicyInUseError } from '../domain/service-control-policy.errors';
import { ScpAttachmentRepository } from '../persistence/scp-attachment.repository';
import { ServiceControlPolicyRepository } from '../persistence/service-control-policy.repository';
import { OrganizationAccessService } from './organization-access.service';
import { ServiceControlPolicyAccess } from './service-control-policy.access';

/** Organizations DeletePolicy: an own SCP attached to nothing (PolicyInUseException otherwise). */
@Injectable()
export class DeleteServiceControlPolicyUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: OrganizationAccessService,
    private readonly scps: ServiceControlPolicyAccess,
    private readonly policies: ServiceControlPolicyRepository,
    private readonly attachments: ScpAttachmentRepository,
  ) {}

  async execute(ctx: RequestContext, input: { policyId: string }): Promise<void> {
    assertPolicyId(input.policyId);
    await this.tx.run(async (em) => {
      const org = await this.access.lockedForChange(em, ctx.accountId);
      const policy = await this.scps.policy(em, org, input.policyId, { forUpdate: true });
      if (policy.organizationId === null) throw new AwsManagedPolicyError();
      if (await this.attachments.isAttached(em, policy.id)) throw new PolicyInUseError();
      await this.policies.delete(em, policy.id);
    });
  }
}
