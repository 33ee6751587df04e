import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { type OrganizationRecord } from '../domain/organization';
import {
  assertTargetId,
  type PolicyTarget,
  SERVICE_CONTROL_POLICY,
  type ServiceControlPolicyRecord,
  targetArn,
} from '../domain/service-control-policy';
import {
  PolicyNotFoundError,
  PolicyTypeNotEnabledError,
  TargetNotFoundError,
} from '../domain/service-control-policy.errors';
import { PolicyTypeRepository } from '../persistence/policy-type.repository';
import { ScpTargetRepository } from '../persistence/scp-target.repository';
import { ServiceControlPolicyRepository } from '../persistence/service-control-policy.repository';

/** What the SCP operations share: finding policies and targets, and whether SCPs are enabled. */
@Injectable()
export class ServiceControlPolicyAccess {
  constructor(
    private readonly policies: ServiceControlPolicyRepository,
    private readonly targets: ScpTargetRepository,
    private readonly policyTypes: PolicyTypeRepository,
  ) {}

  async policy(
    em: EntityManager,
    org: OrganizationRecord,
    policyId: string,
    options: { forUpdate?: boolean } = {},
  ): Promise<ServiceControlPolicyRecord> {
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

  /** SCPs are in force: an all-features organization whose root has not disabled them. */
  async enabled(em: EntityManager, org: OrganizationRecord): Promise<boolean> {
    return (
      org.featureSet === 'ALL' && !(await this.policyTypes.isDisabled(em, org.id, SERVICE_CONTROL_POLICY))
    );
  }

  async assertEnabled(em: EntityManager, org: OrganizationRecord): Promise<void> {
    if (!(await this.enabled(em, org))) throw new PolicyTypeNotEnabledError();
  }
}

export function orgRef(org: OrganizationRecord): { id: string; managementAccountId: string } {
  return { id: org.id, managementAccountId: org.managementAccountId };
}
