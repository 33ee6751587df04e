import { Injectable } from '@nestjs/common';
import { Clock, type RequestContext, TransactionRunner } from '@app/platform';
import { type Root, toRoot } from '../domain/organization';
import { assertPolicyType } from '../domain/service-control-policy';
import { PolicyTypeNotEnabledError, RootNotFoundError } from '../domain/service-control-policy.errors';
import { PolicyTypeRepository } from '../persistence/policy-type.repository';
import { ScpAttachmentRepository } from '../persistence/scp-attachment.repository';
import { OrganizationAccessService } from './organization-access.service';
import { ServiceControlPolicyAccess } from './service-control-policy.access';

/**
 * Organizations DisablePolicyType (management account): every SCP is detached from every root, OU
 * and account and SCPs stop applying to the organization's members.
 */
@Injectable()
export class DisablePolicyTypeUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: OrganizationAccessService,
    private readonly scps: ServiceControlPolicyAccess,
    private readonly policyTypes: PolicyTypeRepository,
    private readonly attachments: ScpAttachmentRepository,
    private readonly clock: Clock,
  ) {}

  async execute(ctx: RequestContext, input: { rootId: string; policyType: string }): Promise<Root> {
    const type = assertPolicyType(input.policyType);
    return this.tx.run(async (em) => {
      const org = await this.access.lockedForChange(em, ctx.accountId);
      if (input.rootId !== org.rootId) throw new RootNotFoundError();
      if (!(await this.scps.enabled(em, org))) throw new PolicyTypeNotEnabledError();
      await this.attachments.deleteAll(em, org.id);
      await this.policyTypes.disable(em, org.id, type, this.clock.now());
      return { ...toRoot(org, ctx.partition), policyTypes: [] };
    });
  }
}
