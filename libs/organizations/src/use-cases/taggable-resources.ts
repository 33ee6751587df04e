import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { type OrganizationRecord } from '../domain/organization';
import { TargetNotFoundError } from '../domain/organization-policy.errors';
import { type TaggableResourceType, taggableResourceTypeOf } from '../domain/organization-tags';
import { InvalidInputError } from '../domain/organization.errors';
import { OrganizationAccountRepository } from '../persistence/organization-account.repository';
import { OrganizationPolicyRepository } from '../persistence/organization-policy.repository';
import { OrganizationalUnitRepository } from '../persistence/organizational-unit.repository';

export interface TaggableResource {
  readonly id: string;
  readonly type: TaggableResourceType;
}

/**
 * The resource a tagging operation names: a member account, an OU, the root or one of the
 * organization's own policies (TargetNotFoundException for anything else of the organization; AWS
 * managed policies cannot be tagged).
 */
@Injectable()
export class TaggableResources {
  constructor(
    private readonly members: OrganizationAccountRepository,
    private readonly units: OrganizationalUnitRepository,
    private readonly policies: OrganizationPolicyRepository,
  ) {}

  async find(em: EntityManager, org: OrganizationRecord, resourceId: string): Promise<TaggableResource> {
    const type = taggableResourceTypeOf(resourceId);
    const resource = { id: resourceId, type };
    switch (type) {
      case 'ROOT':
        if (resourceId === org.rootId) return resource;
        break;
      case 'ACCOUNT':
        if (await this.members.findMember(em, org.id, resourceId)) return resource;
        break;
      case 'ORGANIZATIONAL_UNIT':
        if (await this.units.find(em, org.id, resourceId)) return resource;
        break;
      case 'POLICY': {
        const policy = await this.policies.find(em, org.id, resourceId);
        if (policy?.organizationId === null) {
          throw new InvalidInputError(
            'TARGET_NOT_SUPPORTED',
            "You can't perform the specified operation on that target entity.",
          );
        }
        if (policy) return resource;
        break;
      }
    }
    throw new TargetNotFoundError();
  }
}
