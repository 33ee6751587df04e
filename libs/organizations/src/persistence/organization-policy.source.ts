import { Injectable } from '@nestjs/common';
import { type AccountOrganization, OrganizationPolicySource } from '@app/iam';
import { type StoredPolicy } from '@app/policy';
import { type EntityManager } from 'typeorm';
import { effectivePolicyIds, SERVICE_CONTROL_POLICY } from '../domain/service-control-policy';
import { OrganizationAccountRepository } from './organization-account.repository';
import { OrganizationRepository } from './organization.repository';
import { OrganizationalUnitRepository } from './organizational-unit.repository';
import { PolicyTypeRepository } from './policy-type.repository';
import { ScpAttachmentRepository } from './scp-attachment.repository';
import { ServiceControlPolicyRepository } from './service-control-policy.repository';

/**
 * Organizations' side of authorization (iam.md §2.4): an account's organization and the SCPs of
 * every level of its path, root first, then each OU, then the account itself. SCPs do not apply to
 * the management account, in a consolidated-billing organization, or while the root has them disabled.
 */
@Injectable()
export class OrganizationScpSource extends OrganizationPolicySource {
  constructor(
    private readonly organizations: OrganizationRepository,
    private readonly members: OrganizationAccountRepository,
    private readonly units: OrganizationalUnitRepository,
    private readonly policyTypes: PolicyTypeRepository,
    private readonly attachments: ScpAttachmentRepository,
    private readonly policies: ServiceControlPolicyRepository,
  ) {
    super();
  }

  async forAccount(em: EntityManager, accountId: string): Promise<AccountOrganization | undefined> {
    const org = await this.organizations.findByMember(em, accountId);
    if (!org) return undefined;
    const organization = { organizationId: org.id, managementAccountId: org.managementAccountId };
    if (
      org.managementAccountId === accountId ||
      org.featureSet !== 'ALL' ||
      (await this.policyTypes.isDisabled(em, org.id, SERVICE_CONTROL_POLICY))
    ) {
      return { ...organization, scpPath: [] };
    }
    const member = await this.members.findMember(em, org.id, accountId);
    if (!member) return { ...organization, scpPath: [] };
    const units = member.parentId === org.rootId ? [] : await this.units.lineage(em, org.id, member.parentId);
    const path = [org.rootId, ...units, accountId];
    const attached = await this.attachments.forTargets(em, org.id, path);
    const levels = path.map((target) => effectivePolicyIds(attached.get(target) ?? []));
    const records = await this.policies.findMany(em, levels.flat());
    const scpPath = levels.map((ids) =>
      ids.map((id): StoredPolicy => {
        const policy = records.get(id);
        if (!policy) throw new Error(`Attached SCP ${id} is missing`);
        return {
          id: policy.id,
          version: String(policy.revision),
          name: policy.name,
          kind: 'scp',
          document: policy.content,
        };
      }),
    );
    return { ...organization, scpPath };
  }
}
