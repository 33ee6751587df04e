import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { type Root, toRoot } from '../domain/organization';
import { assertPolicyType } from '../domain/service-control-policy';
import {
  PolicyTypeAlreadyEnabledError,
  PolicyTypeNotAvailableError,
  RootNotFoundError,
} from '../domain/service-control-policy.errors';
import { PolicyTypeRepository } from '../persistence/policy-type.repository';
import { OrganizationAccessService } from './organization-access.service';

export interface PolicyTypeInput {
  rootId: string;
  policyType: string;
}

/**
 * Organizations EnablePolicyType (management account, all-features organizations): SCPs apply
 * again, FullAWSAccess on every root, OU and account (disabling detached everything).
 */
@Injectable()
export class EnablePolicyTypeUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: OrganizationAccessService,
    private readonly policyTypes: PolicyTypeRepository,
  ) {}

  async execute(ctx: RequestContext, input: PolicyTypeInput): Promise<Root> {
    const type = assertPolicyType(input.policyType);
    return this.tx.run(async (em) => {
      const org = await this.access.lockedForChange(em, ctx.accountId);
      if (input.rootId !== org.rootId) throw new RootNotFoundError();
      if (org.featureSet !== 'ALL') throw new PolicyTypeNotAvailableError();
      if (!(await this.policyTypes.isDisabled(em, org.id, type))) throw new PolicyTypeAlreadyEnabledError();
      await this.policyTypes.enable(em, org.id, type);
      return toRoot(org, ctx.partition);
    });
  }
}
