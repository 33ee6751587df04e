import { Injectable } from '@nestjs/common';
import { Clock, type RequestContext, TransactionRunner } from '@app/platform';
import { type Root, toRoot } from '../domain/organization';
import {
  PolicyTypeAlreadyEnabledError,
  PolicyTypeNotAvailableError,
} from '../domain/organization-policy.errors';
import { parsePolicyType } from '../domain/policy-types';
import { PolicyTypeRepository } from '../persistence/policy-type.repository';
import { OrganizationAccessService } from './organization-access.service';
import { OrganizationPolicyAccess } from './organization-policy.access';

export interface PolicyTypeInput {
  rootId: string;
  policyType: string;
}

/**
 * Organizations EnablePolicyType (management account, all-features organizations): policies of the
 * type can be attached and apply. Enabling SCPs (RCPs) puts FullAWSAccess (RCPFullAWSAccess) on the
 * root and every OU and account, and on those created while the type stays enabled: a target
 * without attachments of its own holds it.
 */
@Injectable()
export class EnablePolicyTypeUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: OrganizationAccessService,
    private readonly policies: OrganizationPolicyAccess,
    private readonly policyTypes: PolicyTypeRepository,
    private readonly clock: Clock,
  ) {}

  async execute(ctx: RequestContext, input: PolicyTypeInput): Promise<Root> {
    const type = parsePolicyType(input.policyType);
    return this.tx.run(async (em) => {
      const org = await this.access.lockedForChange(em, ctx.accountId);
      this.policies.assertRoot(org, input.rootId);
      if (org.featureSet !== 'ALL') throw new PolicyTypeNotAvailableError();
      if (!(await this.policyTypes.enable(em, org.id, type, this.clock.now()))) {
        throw new PolicyTypeAlreadyEnabledError();
      }
      return toRoot(org, await this.policyTypes.enabled(em, org.id), ctx.partition);
    });
  }
}
