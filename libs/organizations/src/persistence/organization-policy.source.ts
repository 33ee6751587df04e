import { Injectable } from '@nestjs/common';
import { type AccountOrganization, OrganizationPolicySource } from '@app/iam';
import { type StoredPolicy } from '@app/policy';
import { type EntityManager } from 'typeorm';
import { effectivePolicyIds } from '../domain/policy-attachments';
import { RESOURCE_CONTROL_POLICY, SERVICE_CONTROL_POLICY } from '../domain/policy-types';
import { OrganizationAccountRepository } from './organization-account.repository';
import { OrganizationPolicyRepository } from './organization-policy.repository';
import { OrganizationRepository } from './organization.repository';
import { OrganizationalUnitRepository } from './organizational-unit.repository';
import { PolicyAttachmentRepository } from './policy-attachment.repository';
import { PolicyTypeRepository } from './policy-type.repository';

const CONTROL_TYPES = [
  { type: SERVICE_CONTROL_POLICY, kind: 'scp' },
  { type: RESOURCE_CONTROL_POLICY, kind: 'rcp' },
] as const;

/**
 * Organizations' side of authorization (iam.md §2.4): an account's organization and, for each level
 * of its path (root first, then each OU, then the account itself), the SCPs that bound its
 * principals and the RCPs that bound requests to its resources. Neither applies to the management
 * account, in a consolidated-billing organization, or while the root has the type disabled.
 */
@Injectable()
export class OrganizationControlPolicySource extends OrganizationPolicySource {
  constructor(
    private readonly organizations: OrganizationRepository,
    private readonly members: OrganizationAccountRepository,
    private readonly units: OrganizationalUnitRepository,
    private readonly policyTypes: PolicyTypeRepository,
    private readonly attachments: PolicyAttachmentRepository,
    private readonly policies: OrganizationPolicyRepository,
  ) {
    super();
  }

  async forAccount(em: EntityManager, accountId: string): Promise<AccountOrganization | undefined> {
    const org = await this.organizations.findByMember(em, accountId);
    if (!org) return undefined;
    const unbounded = {
      organizationId: org.id,
      managementAccountId: org.managementAccountId,
      scpPath: [],
      rcpPath: [],
    };
    if (org.managementAccountId === accountId || org.featureSet !== 'ALL') return unbounded;
    const enabled = new Set(await this.policyTypes.enabled(em, org.id));
    const controls = CONTROL_TYPES.filter(({ type }) => enabled.has(type));
    if (controls.length === 0) return unbounded;
    const member = await this.members.findMember(em, org.id, accountId);
    if (!member) return unbounded;
    const units = member.parentId === org.rootId ? [] : await this.units.lineage(em, org.id, member.parentId);
    const path = [org.rootId, ...units, accountId];
    const attached = await this.attachments.forTargets(
      em,
      org.id,
      controls.map(({ type }) => type),
      path,
    );
    const levelsOf = new Map(
      controls.map(({ type, kind }) => [
        kind,
        path.map((target) => effectivePolicyIds(type, attached.get(type)?.get(target) ?? [])),
      ]),
    );
    const records = await this.policies.findMany(em, [...levelsOf.values()].flat(2));
    const stored = (kind: 'scp' | 'rcp') =>
      (levelsOf.get(kind) ?? []).map((ids) =>
        ids.map((id): StoredPolicy => {
          const policy = records.get(id);
          if (!policy) throw new Error(`Attached policy ${id} is missing`);
          return {
            id: policy.id,
            version: String(policy.revision),
            name: policy.name,
            kind,
            document: policy.content,
          };
        }),
      );
    return { ...unbounded, scpPath: stored('scp'), rcpPath: stored('rcp') };
  }
}
