import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { assertPolicyId } from '../domain/organization-policy';
import { AwsManagedPolicyError, PolicyInUseError } from '../domain/organization-policy.errors';
import { OrganizationPolicyRepository } from '../persistence/organization-policy.repository';
import { PolicyAttachmentRepository } from '../persistence/policy-attachment.repository';
import { OrganizationAccessService } from './organization-access.service';
import { OrganizationPolicyAccess } from './organization-policy.access';

/** Organizations DeletePolicy: an own policy attached to nothing (PolicyInUseException otherwise); its tags go with it. */
@Injectable()
export class DeletePolicyUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: OrganizationAccessService,
    private readonly organizationPolicies: OrganizationPolicyAccess,
    private readonly policies: OrganizationPolicyRepository,
    private readonly attachments: PolicyAttachmentRepository,
  ) {}

  async execute(ctx: RequestContext, input: { policyId: string }): Promise<void> {
    assertPolicyId(input.policyId);
    await this.tx.run(async (em) => {
      const org = await this.access.lockedForChange(em, ctx.accountId);
      const policy = await this.organizationPolicies.policy(em, org, input.policyId, { forUpdate: true });
      if (policy.organizationId === null) throw new AwsManagedPolicyError();
      if (await this.attachments.isAttached(em, policy.id)) throw new PolicyInUseError();
      await this.policies.delete(em, policy.id);
    });
  }
}
