import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { type OrganizationRecord } from '../domain/organization';
import {
  assertTargetId,
  type OrganizationPolicyRecord,
  type OrganizationRef,
  type PolicyTarget,
  targetArn,
} from '../domain/organization-policy';
import {
  PolicyNotFoundError,
  PolicyTypeNotEnabledError,
  RootNotFoundError,
  TargetNotFoundError,
} from '../domain/organization-policy.errors';
import { type PolicyType } from '../domain/policy-types';
import { OrganizationPolicyRepository } from '../persistence/organization-policy.repository';
import { PolicyTargetRepository } from '../persistence/policy-target.repository';
import { PolicyTypeRepository } from '../persistence/policy-type.repository';

/** What the policy operations share: finding policies, targets and the root, and which types are enabled. */
@Injectable()
export class OrganizationPolicyAccess {
  constructor(
    private readonly policies: OrganizationPolicyRepository,
    private readonly targets: PolicyTargetRepository,
    private readonly policyTypes: PolicyTypeRepository,
  ) {}

  async policy(
    em: EntityManager,
    org: OrganizationRecord,
    policyId: string,
    options: { forUpdate?: boolean } = {},
  ): Promise<OrganizationPolicyRecord> {
    const policy = await this.policies.find(em, org.id, policyId, options);
    if (!policy) throw new PolicyNotFoundError();
    return policy;
  }

  async target(
    em: EntityManager,
    org: OrganizationRecord,
    targetId: string,
    partition: string,
  ): Promise<PolicyTarget> {
    const type = assertTargetId(targetId);
    const row = await this.targets.find(em, org.id, targetId, type);
    if (!row) throw new TargetNotFoundError();
    return {
      targetId: row.id,
      arn: targetArn(partition, orgRef(org), row.type, row.id),
      name: row.name,
      type: row.type,
    };
  }

  /** The organization's root, named by EnablePolicyType and DisablePolicyType. */
  assertRoot(org: OrganizationRecord, rootId: string): void {
    if (rootId !== org.rootId) throw new RootNotFoundError();
  }

  /**
   * Policies of `type` are in force: the root has the type enabled (only an all-features
   * organization can enable one, and enabling all features enables none).
   */
  async enabled(em: EntityManager, org: OrganizationRecord, type: PolicyType): Promise<boolean> {
    return org.featureSet === 'ALL' && (await this.policyTypes.isEnabled(em, org.id, type));
  }

  async assertEnabled(em: EntityManager, org: OrganizationRecord, type: PolicyType): Promise<void> {
    if (!(await this.enabled(em, org, type))) throw new PolicyTypeNotEnabledError();
  }
}

export function orgRef(org: OrganizationRecord): OrganizationRef {
  return { id: org.id, managementAccountId: org.managementAccountId };
}
