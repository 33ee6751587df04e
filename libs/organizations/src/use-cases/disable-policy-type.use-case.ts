import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { type Root, toRoot } from '../domain/organization';
import { PolicyTypeNotEnabledError } from '../domain/organization-policy.errors';
import { parsePolicyType } from '../domain/policy-types';
import { PolicyAttachmentRepository } from '../persistence/policy-attachment.repository';
import { PolicyTypeRepository } from '../persistence/policy-type.repository';
import { OrganizationAccessService } from './organization-access.service';
import { OrganizationPolicyAccess } from './organization-policy.access';
import { type PolicyTypeInput } from './enable-policy-type.use-case';

/**
 * Organizations DisablePolicyType (management account): every policy of the type is detached from
 * every root, OU and account, and the type stops applying to the organization's members.
 */
@Injectable()
export class DisablePolicyTypeUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: OrganizationAccessService,
    private readonly policies: OrganizationPolicyAccess,
    private readonly policyTypes: PolicyTypeRepository,
    private readonly attachments: PolicyAttachmentRepository,
  ) {}

  async execute(ctx: RequestContext, input: PolicyTypeInput): Promise<Root> {
    const type = parsePolicyType(input.policyType);
    return this.tx.run(async (em) => {
      const org = await this.access.lockedForChange(em, ctx.accountId);
      this.policies.assertRoot(org, input.rootId);
      if (!(await this.policyTypes.disable(em, org.id, type))) throw new PolicyTypeNotEnabledError();
      await this.attachments.deleteAll(em, org.id, type);
      return toRoot(org, await this.policyTypes.enabled(em, org.id), ctx.partition);
    });
  }
}
